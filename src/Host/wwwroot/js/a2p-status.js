// The A2P step while the carriers review: asks the API every 5 s and reloads the page once anything changed.
(function () {
    var box = document.getElementById('a2p-poll');
    if (!box || !window.fetch) { return; }
    function signature(v) {
        var steps = v.stepStatuses || {};
        return v.status + '|' + Object.keys(steps).sort().map(function (k) { return k + '=' + steps[k]; }).join(',');
    }
    function tick() {
        fetch(box.getAttribute('data-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (v) {
                if (v && signature(v) !== box.getAttribute('data-signature')) { window.location.reload(); return; }
                box.querySelector('.poll-time').textContent = 'Last looked ' + new Date().toLocaleTimeString() + '; still waiting.';
                setTimeout(tick, 5000);
            })
            .catch(function () { setTimeout(tick, 5000); });
    }
    setTimeout(tick, 5000);
})();
