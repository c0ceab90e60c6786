// Decap CMS 3.16.3 refuses a save with a missing or invalid field by marking the field and showing its own notice,
// then rejects the save's promise with no reason at all (decap-cms-core actions/entries.js: `return Promise.reject()`),
// which nothing in Decap catches: the browser would report an uncaught error for what is an ordinary refusal. Only a
// rejection with no reason is marked as handled; every real error still reaches the console.
window.addEventListener('unhandledrejection', function (event) {
  if (event.reason === undefined) event.preventDefault();
});
