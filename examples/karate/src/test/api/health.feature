Feature: the web app answers (an API check beside the UI scenarios)

  Scenario: the home page is served over HTTPS
    Given url baseUrl
    When method get
    Then status 200
    And match responseHeaders['Content-Type'][0] contains 'text/html'
