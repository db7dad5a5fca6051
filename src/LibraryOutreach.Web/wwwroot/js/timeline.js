// Progressive loading for the relationship timeline: calls the component back when the sentinel under the list comes
// near the viewport. The "Load older entries" button does the same for keyboards and where this is unavailable.
export function observe(sentinel, component) {
    if (!sentinel || !("IntersectionObserver" in window)) {
        return { rearm() { }, dispose() { } };
    }

    const observer = new IntersectionObserver(entries => {
        if (entries.some(e => e.isIntersecting)) {
            component.invokeMethodAsync("LoadOlderFromScrollAsync");
        }
    }, { rootMargin: "0px 0px 400px 0px" });
    observer.observe(sentinel);
    return {
        // After a page is added: observing again reports the sentinel's current state, so a page that did not fill
        // the screen loads the next one too.
        rearm() {
            observer.unobserve(sentinel);
            observer.observe(sentinel);
        },
        dispose() {
            observer.disconnect();
        },
    };
}
