// Small helpers used through JS interop. No inline scripts: the Content-Security-Policy forbids them.
window.outreach = {
    submitForm: function (id) {
        const form = document.getElementById(id);
        if (form) {
            form.submit();
        }
    },
    print: function () {
        window.print();
    },
    copyText: async function (text) {
        await navigator.clipboard.writeText(text);
    },
    getTheme: function () {
        try {
            return window.localStorage.getItem("outreach-theme");
        } catch {
            return null;
        }
    },
    downloadFile: async function (fileName, contentType, streamReference) {
        const buffer = await streamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(url);
    },
    // Form drafts (FormDraftStore): kept per person and form, removed on save and at sign-out.
    drafts: {
        save: function (key, json) {
            try {
                window.localStorage.setItem(key, json);
            } catch {
                // Storage off or full: the draft is a safety net only.
            }
        },
        load: function (key) {
            try {
                return window.localStorage.getItem(key);
            } catch {
                return null;
            }
        },
        remove: function (key) {
            try {
                window.localStorage.removeItem(key);
            } catch {
                // Nothing to remove.
            }
        },
        clearAll: function () {
            try {
                Object.keys(window.localStorage)
                    .filter(function (key) { return key.startsWith("outreach-draft:"); })
                    .forEach(function (key) { window.localStorage.removeItem(key); });
            } catch {
                // Storage off: nothing was kept.
            }
        }
    },
    setTheme: function (theme) {
        try {
            window.localStorage.setItem("outreach-theme", theme);
        } catch {
            // Storage may be off (private browsing): the choice then lasts for this page only.
        }
    }
};

// "/" focuses the app bar's search from anywhere, unless the person is typing in a field.
document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
        return;
    }

    const target = event.target;
    const typing = target instanceof HTMLElement
        && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    const search = document.getElementById("global-search-input");
    if (!typing && search) {
        event.preventDefault();
        search.focus();
    }
});

// Alt+Shift+L opens "Log a touch" from anywhere (the app bar's button), also while typing in a field.
document.addEventListener("keydown", function (event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== "KeyL" || event.defaultPrevented) {
        return;
    }

    const button = document.getElementById("log-touch-button");
    if (button && !document.querySelector("[data-testid=log-touch-dialog]")) {
        event.preventDefault();
        button.click();
    }
});

// Dialogs give focus back to what opened them when they close (WCAG 2.4.3): MudBlazor moves focus into a dialog
// and traps it there, but leaves it on the page's body when the dialog goes. Each dialog remembers the element that
// had focus when it appeared; when the last open dialog goes, focus returns to the latest such element still on the
// page (a dialog opened from another dialog hands focus back to the first one's opener).
(function () {
    const openers = [];
    const dialogSelector = ".mud-dialog-container";
    const isDialog = function (node) {
        return node instanceof HTMLElement && (node.matches(dialogSelector) || node.querySelector(dialogSelector) !== null);
    };
    new MutationObserver(function (mutations) {
        let removed = false;
        for (const mutation of mutations) {
            for (const node of mutation.addedNodes) {
                if (isDialog(node)) {
                    const active = document.activeElement;
                    if (active instanceof HTMLElement && active !== document.body && !active.closest(dialogSelector)) {
                        openers.push(active);
                    }
                }
            }

            for (const node of mutation.removedNodes) {
                removed = removed || isDialog(node);
            }
        }

        if (!removed || document.querySelector(dialogSelector)) {
            return;
        }

        // After Blazor's render: focus what opened the dialog, if it is still there and focus was not moved on purpose.
        setTimeout(function () {
            if (document.querySelector(dialogSelector)) {
                return;
            }

            const active = document.activeElement;
            if (active && active !== document.body && active.isConnected) {
                openers.length = 0;
                return;
            }

            while (openers.length > 0) {
                const opener = openers.pop();
                if (opener.isConnected && !opener.hasAttribute("disabled")) {
                    opener.focus();
                    openers.length = 0;
                    return;
                }
            }
        }, 0);
    }).observe(document.body, { childList: true, subtree: true });
})();

// "Skip to main content" moves focus, not only the scroll position: Blazor's router handles in-page links itself and
// leaves focus on the link, so the next Tab would start over in the app bar (WCAG 2.4.1).
document.addEventListener("click", function (event) {
    const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
    const main = document.getElementById("main-content");
    if (link && main) {
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
    }
}, true);
