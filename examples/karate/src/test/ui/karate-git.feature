Feature: the Karate repository on GitHub (the seed's UI scenario)

  Background:
    Given driver 'https://github.com/karatelabs/karate'
    * screenshot()

  Scenario: open the repository and find a file by name
    When click('{a}Go to file')
    Then waitForUrl('/find/')
    And waitForEnabled('input[name=query], #tree-finder-field').input('karate-logo.png')
    * delay(500)
    * screenshot()
    Then assert locateAll('a[href*="karate-logo.png"]').length > 0
