// Karate reads this file before every feature; karate.env comes from `karateEnv` in the stack
// config (the buildspec passes it as `-e`). Point baseUrl at the web app each environment tests.
function fn() {
  var env = karate.env || 'dev';
  var urls = {
    dev: 'https://dev.example.com',
    prod: 'https://www.example.com'
  };
  var config = { env: env, baseUrl: urls[env] || urls.dev };
  // The karate-chrome image's entrypoint starts Chrome with remote debugging on 9222: attach to it
  // (start: false) instead of launching a second browser.
  karate.configure('driver', { type: 'chrome', start: false, port: 9222, headless: true, addOptions: ['--window-size=1920,1080'] });
  karate.configure('connectTimeout', 10000);
  karate.configure('readTimeout', 30000);
  return config;
}
