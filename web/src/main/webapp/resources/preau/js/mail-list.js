/*
 * Message list of Préau (engineer LIST): keyboard shortcuts with a help dialog ("?"), and drag and drop of
 * messages onto a folder of the tree. Shortcuts of features built elsewhere (reply, search) click the element with
 * that id when the page has one. Every action here is also a button, so nothing needs the keyboard or the mouse.
 */
(function () {
    'use strict';

    function byId(id) {
        return document.getElementById(id) || document.querySelector('[id$=":' + id + '"]');
    }

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll('tbody[id="mail:list_data"] > tr[data-rk]'));
    }

    function currentIndex(list) {
        for (var i = 0; i < list.length; i++) {
            if (list[i].classList.contains('ui-state-highlight') || list[i].classList.contains('list-cursor')) {
                return i;
            }
        }
        return -1;
    }

    /** Selects and opens a row, as a click on it does. */
    function openRow(row) {
        if (!row) {
            return;
        }
        var cell = row.querySelector('.col-message') || row.cells[row.cells.length - 1];
        cell.click();
        row.focus && row.focus();
    }

    function step(delta) {
        var list = rows();
        if (list.length === 0) {
            return;
        }
        var i = currentIndex(list);
        var next = i < 0 ? 0 : Math.max(0, Math.min(list.length - 1, i + delta));
        if (next !== i) {
            openRow(list[next]);
        }
    }

    function click(id) {
        var el = byId(id);
        if (el && !el.disabled) {
            el.click();
            return true;
        }
        return false;
    }

    function typing(target) {
        var tag = target && target.tagName;
        return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
    }

    function dialogOpen() {
        return document.querySelector('.ui-dialog[aria-hidden="false"]') !== null;
    }

    document.addEventListener('keydown', function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
            return;
        }
        if (dialogOpen()) {
            return;
        }
        var handled = true;
        switch (e.key) {
            case 'j': case 'ArrowDown': step(1); break;
            case 'k': case 'ArrowUp': step(-1); break;
            case 'Enter':
                if (e.target && e.target.closest && e.target.closest('tbody[id="mail:list_data"]')) {
                    openRow(e.target.closest('tr'));
                } else {
                    handled = false;
                }
                break;
            case 'r': handled = click('reply'); break;
            case 'Delete': case '#': handled = click('current-delete') || click('delete-selection'); break;
            case 'e': case 'a': handled = click('current-archive') || click('archive-selection'); break;
            case 'u': handled = click('current-unread') || click('mark-unread'); break;
            case '/':
                var search = byId('search-query');
                if (search) {
                    search.focus();
                } else {
                    handled = false;
                }
                break;
            case '?': PF('shortcutsHelp').show(); break;
            default: handled = false;
        }
        if (handled) {
            e.preventDefault();
        }
    });

    // ---- drag and drop onto a folder ----------------------------------------------------------------------

    var MIME = 'application/x-preau-messages';

    function draggedKeys(row) {
        if (row.classList.contains('ui-state-highlight')) {
            return rows().filter(function (r) {
                return r.classList.contains('ui-state-highlight');
            }).map(function (r) {
                return r.getAttribute('data-rk');
            });
        }
        return [row.getAttribute('data-rk')];
    }

    function prepareRows() {
        rows().forEach(function (row) {
            row.setAttribute('draggable', 'true');
        });
    }

    document.addEventListener('dragstart', function (e) {
        var row = e.target.closest && e.target.closest('tbody[id="mail:list_data"] > tr[data-rk]');
        if (!row) {
            return;
        }
        e.dataTransfer.setData(MIME, draggedKeys(row).join(','));
        e.dataTransfer.setData('text/plain', row.textContent.trim().slice(0, 80));
        e.dataTransfer.effectAllowed = 'move';
    });

    function folderOf(e) {
        var li = e.target.closest && e.target.closest('li[data-folder]');
        return li && li.getAttribute('data-folder') && !li.classList.contains('current') ? li : null;
    }

    document.addEventListener('dragover', function (e) {
        var li = folderOf(e);
        if (li && Array.prototype.indexOf.call(e.dataTransfer.types, MIME) >= 0) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            li.classList.add('drop-target');
        }
    });

    document.addEventListener('dragleave', function (e) {
        var li = folderOf(e);
        if (li) {
            li.classList.remove('drop-target');
        }
    });

    document.addEventListener('drop', function (e) {
        var li = folderOf(e);
        if (!li) {
            return;
        }
        var keys = e.dataTransfer.getData(MIME);
        li.classList.remove('drop-target');
        if (keys) {
            e.preventDefault();
            preauDropMove([{name: 'keys', value: keys}, {name: 'target', value: li.getAttribute('data-folder')}]);
        }
    });

    /** The opened row shows as read without rendering the list again (which would lose the shift-click origin). */
    window.preauShowOpenedAsRead = function () {
        rows().forEach(function (row) {
            if (row.classList.contains('ui-state-highlight') && row.classList.contains('unread')
                    && document.querySelectorAll('tbody[id="mail:list_data"] > tr.ui-state-highlight').length === 1) {
                row.classList.replace('unread', 'read');
                var dot = row.querySelector('.dot-unread');
                if (dot) {
                    dot.classList.replace('dot-unread', 'dot-read');
                }
            }
        });
    };

    /** Drops as a script would do them (tests, assistive tools): the same request as a mouse drop. */
    window.preauMoveRows = function (keys, folder) {
        preauDropMove([{name: 'keys', value: keys.join(',')}, {name: 'target', value: folder}]);
    };

    document.addEventListener('DOMContentLoaded', prepareRows);
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', prepareRows);
    }
    prepareRows();
}());
