'use strict';

function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  // Only same-site paths, so that the login page cannot be used to redirect elsewhere.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/ui/index.html';
}

document.addEventListener('DOMContentLoaded', async () => {
  const info = await Api.get('/api/v1/info');
  const form = document.getElementById(info.mode === 'cluster' ? 'token-form' : 'password-form');
  form.classList.remove('hidden');

  document.getElementById('password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await Api.post('/api/v1/session', {
        username: document.getElementById('username').value,
        password: document.getElementById('password').value,
      });
      location.href = nextPage();
    } catch (e) {
      showMessage(e.message, 'error');
    }
  });

  document.getElementById('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    Api.setBearer(document.getElementById('token').value.trim());
    try {
      await Api.get('/api/v1/session');
      location.href = nextPage();
    } catch (e) {
      Api.setBearer(null);
      showMessage(e.message, 'error');
    }
  });
});
