/*
 * Compose page: the draft is saved every 30 s when the user changed something (p:remoteCommand preauAutosave) and when the
 * user leaves the page (a beacon posting the form to the hidden "beacon-save" button, so the view saves it even
 * though the page is gone). Sending or discarding leaves on purpose: no save then. Signatures and templates are
 * inserted at the cursor of the editor.
 */
window.PreauCompose = (function () {
    'use strict';
    var AUTOSAVE_MS = 30000;
    var leaving = false;
    var touched = false;

    function form() {
        return document.getElementById('compose');
    }

    /** PrimeFaces copies the editor's HTML to its hidden input only on blur: copy it now. */
    function syncEditor() {
        var widget = window.PF ? PF('bodyEditor') : null;
        if (widget && widget.input) {
            widget.input.val(widget.getEditorValue());
        }
    }

    function fields() {
        syncEditor();
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

    function editor() {
        var widget = window.PF ? PF('bodyEditor') : null;
        return widget ? widget.editor : null;
    }

    /** Names each rich-text editor after the label its container points to (data-label), also after AJAX. */
    function labelEditors() {
        document.querySelectorAll('[data-label]').forEach(function (box) {
            var root = box.querySelector('.ql-editor');
            if (box.getAttribute('role')) {
                box.setAttribute('aria-labelledby', box.getAttribute('data-label'));
            }
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
        var f = form();
        if (!f) {
            return;
        }
        // What the user does, not what the page does (the editor rewrites its HTML when it starts): a reply left
        // untouched leaves no draft behind.
        ['input', 'change', 'paste', 'drop'].forEach(function (type) {
            f.addEventListener(type, touch, true);
        });
        var quill = editor();
        if (quill) {
            quill.on('text-change', function (delta, old, source) {
                if (source === 'user') {
                    touch();
                }
            });
        }
        window.setInterval(function () {
            if (!leaving && touched && window.preauAutosave) {
                touched = false;
                syncEditor();
                window.preauAutosave();
            }
        }, AUTOSAVE_MS);
        window.addEventListener('pagehide', function () {
            if (leaving || !touched) {
                return;
            }
            var data = fields();
            data.append('compose:beacon-save', '.');
            navigator.sendBeacon(f.action, data);
        });
    }

    function touch() {
        touched = true;
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
        touch();
    }

    /** PrimeFaces' upload progress bars come without an accessible name: they take the attachments field's label. */
    function nameProgressBars() {
        document.querySelectorAll('.ui-progressbar').forEach(function (bar) {
            if (!bar.getAttribute('aria-label') && !bar.getAttribute('aria-labelledby')) {
                bar.setAttribute('aria-labelledby', 'attachments-label');
            }
        });
    }
    new MutationObserver(nameProgressBars).observe(document.documentElement, {childList: true, subtree: true});

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
        touch: touch,
        sync: syncEditor,
        saved: function () {
            touched = false;
        }
    };
})();
