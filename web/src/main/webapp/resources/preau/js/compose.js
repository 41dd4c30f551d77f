/*
 * Compose page: the draft is saved every 30 s when something changed (p:remoteCommand preauAutosave) and when the
 * user leaves the page (a beacon posting the form to the hidden "beacon-save" button, so the view saves it even
 * though the page is gone). Sending or discarding leaves on purpose: no save then. Signatures and templates are
 * inserted at the cursor of the editor.
 */
window.PreauCompose = (function () {
    'use strict';
    var AUTOSAVE_MS = 30000;
    var leaving = false;
    var lastSaved = null;

    function form() {
        return document.getElementById('compose');
    }

    function fields() {
        var f = form();
        var data = new URLSearchParams();
        if (!f) {
            return data;
        }
        new FormData(f).forEach(function (value, key) {
            if (typeof value === 'string') {
                data.append(key, value);
            }
        });
        return data;
    }

    function snapshot() {
        var data = fields();
        data.delete('jakarta.faces.ViewState');
        return data.toString();
    }

    function editor() {
        var widget = window.PF ? PF('bodyEditor') : null;
        return widget ? widget.editor : null;
    }

    /** Names each rich-text editor after the label its container points to (data-label), also after AJAX. */
    function labelEditors() {
        document.querySelectorAll('[data-label]').forEach(function (box) {
            var root = box.querySelector('.ql-editor');
            if (root) {
                root.setAttribute('role', 'textbox');
                root.setAttribute('aria-multiline', 'true');
                root.setAttribute('aria-labelledby', box.getAttribute('data-label'));
            }
        });
    }

    function init() {
        labelEditors();
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', function () {
                window.setTimeout(labelEditors, 0);
            });
        }
        if (!form()) {
            return;
        }
        lastSaved = snapshot();
        window.setInterval(function () {
            if (!leaving && snapshot() !== lastSaved && window.preauAutosave) {
                lastSaved = snapshot();
                window.preauAutosave();
            }
        }, AUTOSAVE_MS);
        window.addEventListener('pagehide', function () {
            var f = form();
            if (leaving || !f || snapshot() === lastSaved) {
                return;
            }
            var data = fields();
            data.append('compose:beacon-save', '.');
            navigator.sendBeacon(f.action, data);
        });
    }

    function insertSnippet(kind) {
        var select = document.getElementById(kind + '-choice');
        var store = select ? document.getElementById('snippet-' + kind + '-' + select.value) : null;
        var quill = editor();
        if (!store || !quill) {
            return;
        }
        var range = quill.getSelection(true);
        var at = range ? range.index : quill.getLength();
        quill.clipboard.dangerouslyPasteHTML(at, store.innerHTML, 'user');
    }

    if (document.readyState === 'complete') {
        init();
    } else {
        window.addEventListener('load', init);
    }

    return {
        insertSnippet: insertSnippet,
        leave: function () {
            leaving = true;
        },
        saved: function () {
            lastSaved = snapshot();
        }
    };
})();
