// Live length counters: a field with data-count names the element that shows its length against data-min/data-max.
(function () {
    var fields = document.querySelectorAll('[data-count]');
    Array.prototype.forEach.call(fields, function (field) {
        var out = document.getElementById(field.getAttribute('data-count'));
        var min = +field.getAttribute('data-min'), max = +field.getAttribute('data-max');
        var optional = field.hasAttribute('data-optional');
        field.addEventListener('input', function () {
            var n = field.value.length;
            out.querySelector('.count-value').textContent = n;
            out.querySelector('.count-state').textContent =
                n === 0 && optional ? '' : n < min ? ' \u00b7 too short' : n > max ? ' \u00b7 too long' : '';
        });
    });
})();
