/* Large file sent as a download link: uploaded in chunks of 8 MB to /mail/grand-fichier (LargeUploadServlet),
   each streamed to disk by the server; the link is then added to the message text. */
(function () {
  'use strict';
  var CHUNK = 8 * 1024 * 1024;

  function post(box, query, body) {
    return fetch(box.dataset.url + '?' + query, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: {'X-Preau-Jeton': box.dataset.jeton, 'Content-Type': 'application/octet-stream'}
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { throw new Error(json.erreur || box.dataset.msgFailed); }
        return json;
      });
    });
  }

  /** The Quill editor of the message (PrimeFaces textEditor), however it can be found. */
  function findEditor(box) {
    var widget = window.PF ? PF(box.dataset.editor) : null;
    if (widget && widget.editor) {
      return widget.editor;
    }
    var container = document.querySelector('.ql-container');
    return container && window.Quill && window.Quill.find ? window.Quill.find(container) : null;
  }

  /** Adds "text before, the link, text after" at the end of the message; false when there is no editor. */
  function insertLink(box, before, url, after) {
    var quill = findEditor(box);
    if (!quill || typeof quill.insertText !== 'function') {
      return false;
    }
    var at = Math.max(0, quill.getLength() - 1);
    var lead = (at > 0 ? '\n' : '') + before;
    quill.insertText(at, lead, 'user');
    at += lead.length;
    quill.insertText(at, url, 'link', url, 'user');
    at += url.length;
    quill.insertText(at, after + '\n', 'user');
    var input = document.getElementById(box.dataset.input);
    if (input) {
      input.value = quill.root.innerHTML;
    }
    return true;
  }

  function upload(box) {
    var input = document.getElementById('largeFile');
    var status = document.getElementById('largeFile-status');
    var progress = document.getElementById('largeFile-progress');
    var button = document.getElementById('largeFileSend');
    var file = input.files && input.files[0];
    if (!file) { input.focus(); return; }
    if (file.size > Number(box.dataset.max)) {
      status.textContent = box.dataset.msgToolarge.replace('{0}', box.dataset.maxMb);
      return;
    }
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = '';
    var id;
    var offset = 0;
    function next() {
      if (offset >= file.size) {
        return post(box, 'etape=fin&id=' + id, null);
      }
      var end = Math.min(offset + CHUNK, file.size);
      return post(box, 'etape=morceau&id=' + id + '&position=' + offset, file.slice(offset, end)).then(function (r) {
        offset = r.recu;
        progress.value = Math.floor(100 * offset / file.size);
        return next();
      });
    }
    post(box, 'etape=debut&nom=' + encodeURIComponent(file.name) + '&taille=' + file.size + '&type='
        + encodeURIComponent(file.type || ''), null).then(function (r) {
      id = r.id;
      return next();
    }).then(function (link) {
      progress.value = 100;
      var parts = box.dataset.msgText.replace('{0}', link.nom).replace('{1}', link.taille)
          .replace('{3}', link.expire).split('{2}');
      if (insertLink(box, parts[0], link.url, parts.length > 1 ? parts[1] : '')) {
        status.textContent = box.dataset.msgDone.replace('{0}', link.nom);
      } else {
        status.textContent = box.dataset.msgCopy.replace('{0}', link.nom) + ' ' + link.url;
      }
      input.value = '';
    }).catch(function (e) {
      status.textContent = e.message;
      if (id !== undefined) {
        // Frees the room the upload reserved; the page shows the first error, not this one.
        post(box, 'etape=annuler&id=' + id, null).catch(function () { return null; });
      }
    }).finally(function () {
      button.disabled = false;
    });
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('#largeFileSend');
    if (button) {
      upload(document.getElementById('large-file'));
    }
  });
})();
