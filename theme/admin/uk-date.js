// The browser editor's date field (widget "uk-date" in the generated config.yml): typed and shown as DD/MM/YYYY,
// saved as YYYY-MM-DD as the content contract requires, with no time and no time zone. Decap's own date field uses
// the browser's date picker, whose format follows the computer's settings (often MM/DD/YYYY) and cannot be set
// by the page. Uses the globals decap-cms.js provides for custom widgets (CMS, createClass, h).
(function () {
  'use strict';
  var h = window.h;
  var createClass = window.createClass;
  var ukPattern = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
  var isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function toUk(value) {
    var m = isoPattern.exec(value || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : (value || '');
  }

  // "20/11/2026" -> "2026-11-20"; null when it is not a real date (31/02/2026, 20/13/2026).
  function toIso(text) {
    var m = ukPattern.exec(text);
    if (!m) return null;
    var day = +m[1], month = +m[2], year = +m[3];
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return year + '-' + pad(month) + '-' + pad(day);
  }

  // Today in the editor's own time zone: the day the person filling in the form is living.
  function today() {
    var now = new Date();
    return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  }

  var Control = createClass({
    getInitialState: function () { return { text: toUk(this.props.value) }; },
    // A required date left empty (a new entry, a new step) starts at today, shown and editable like a typed one:
    // otherwise the form could not be saved with only what a person types. Optional dates stay empty.
    componentDidMount: function () {
      var field = this.props.field;
      var required = !field || field.get('required') !== false;
      if (required && !this.props.value) {
        this.setState({ text: toUk(today()) });
        this.props.onChange(today());
      }
    },
    // Decap asks before saving: a date it cannot read stops the save, with this message on the field.
    isValid: function () {
      var text = this.state.text.trim();
      if (text === '' || toIso(text)) return true;
      return { error: { message: 'Write the date as day/month/year, such as 20/11/2026.' } };
    },
    handleChange: function (event) {
      var text = event.target.value;
      this.setState({ text: text });
      this.props.onChange(text.trim() === '' ? '' : (toIso(text) || text));
    },
    render: function () {
      return h('input', {
        id: this.props.forID,
        className: this.props.classNameWrapper,
        type: 'text',
        inputMode: 'numeric',
        autoComplete: 'off',
        placeholder: 'DD/MM/YYYY',
        value: this.state.text,
        onChange: this.handleChange,
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      });
    },
  });

  var Preview = createClass({
    render: function () { return h('span', null, toUk(this.props.value)); },
  });

  window.CMS.registerWidget('uk-date', Control, Preview);
})();
