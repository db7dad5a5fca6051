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
    }
};
