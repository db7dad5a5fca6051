// Small helpers used through JS interop. No inline scripts: the Content-Security-Policy forbids them.
window.outreach = {
    submitForm: function (id) {
        const form = document.getElementById(id);
        if (form) {
            form.submit();
        }
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
    setTheme: function (theme) {
        try {
            window.localStorage.setItem("outreach-theme", theme);
        } catch {
            // Storage may be off (private browsing): the choice then lasts for this page only.
        }
    }
};
