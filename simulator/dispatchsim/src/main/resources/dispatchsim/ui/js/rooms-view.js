/*
 * The room index (left) and the timelines (middle), both virtualised. A room's chart is drawn only while its
 * card is on screen, and drawn again only when that room got new entries or the view changed.
 */
'use strict';

DS.RoomsView = class {
  constructor(model, view, onSelect) {
    this.model = model;
    this.view = view;
    this.rooms = [];
    this.drawn = 0;  // view generation: filters and scale changes redraw every card
    this.index = new DS.VirtualList(document.getElementById('room-list'), {
      rowHeight: 26, key: i => 'r:' + this.rooms[i].name,
      render: (i, el) => this.renderRow(this.rooms[i], el)});
    this.cards = new DS.VirtualList(document.getElementById('timelines'), {
      rowHeight: 338, overscan: 1, key: i => 'c:' + this.rooms[i].name,
      render: (i, el) => this.renderCard(this.rooms[i], el),
      release: el => DS.RoomsView.dispose(el)});
    this.onSelect = onSelect;
  }

  /** The rooms the filters let through: name contains the filter text, and something happened in the window. */
  update(viewChanged) {
    if (viewChanged) this.drawn++;
    const text = this.view.filter.trim().toLowerCase();
    this.rooms = this.model.roomList().filter(room => {
      if (room.global && !room.entries.length) return false;
      if (text && !room.name.toLowerCase().includes(text)) return false;
      return this.view.from === null && this.view.to === null || DS.Timeline.visible(room, this.model, this.view).length > 0;
    });
    const real = this.rooms.filter(r => !r.global).length;
    const all = this.model.roomList().filter(r => !r.global).length;
    document.getElementById('room-count').textContent =
      real === all ? all + (all === 1 ? ' room' : ' rooms') : real + ' of ' + all + ' rooms';
    this.index.setCount(this.rooms.length);
    this.cards.setCount(this.rooms.length);
    this.index.refresh();
    this.cards.refresh();
  }

  select(name) {
    const at = this.rooms.findIndex(r => r.name === name);
    if (at >= 0) this.cards.scrollTo(at);
  }

  renderRow(room, el) {
    const stamp = room.version + ':' + room.closed + ':' + this.drawn; // drawn: a reset or new filter redraws all
    if (el.dataset.room === room.name && el.dataset.stamp === stamp) return;
    const drops = room.marks.filter(m => m.type === 'drop').length;
    const lies = room.lies.filter(l => l.lie).length;
    const other = room.marks.length - drops - room.lies.length;
    el.replaceChildren(DS.el('button', {class: 'room-row' + (room.global ? ' global' : '') + (room.closed ? ' closed' : ''),
      'data-room': room.name, title: room.global ? 'entries that concern no room' : room.name,
      onclick: () => this.onSelect(room.name)}, [
      DS.el('span', {class: 'name', text: room.global ? '(no room)' : room.name}),
      drops ? DS.el('span', {class: 'badge drop', title: drops + ' dropped', text: '✕' + drops}) : null,
      lies ? DS.el('span', {class: 'badge lie', title: lies + ' report(s) unlike the truth', text: '≠' + lies}) : null,
      other > 0 ? DS.el('span', {class: 'badge fault', title: other + ' other fault(s)', text: '!' + other}) : null,
      DS.el('span', {class: 'count', text: String(room.entries.length)})]));
    el.dataset.room = room.name;
    el.dataset.stamp = stamp;
  }

  renderCard(room, el) {
    if (el.dataset.room !== room.name) {
      DS.RoomsView.dispose(el);
      el.replaceChildren(DS.el('section', {class: 'card' + (room.global ? ' global' : ''), 'data-room': room.name}, [
        DS.el('header', {class: 'card-head'}, [
          DS.el('h2', {text: room.global ? 'workers and the simulator (no room)' : room.name}),
          DS.el('span', {class: 'card-info'})]),
        DS.el('div', {class: 'chart'}),
        DS.el('ul', {class: 'marks'})]));
      el.dataset.room = room.name;
      el.dataset.stamp = '';
    }
    const stamp = room.version + ':' + this.drawn + ':' + this.model.manual;
    if (el.dataset.stamp === stamp) return;
    el.dataset.stamp = stamp;
    const chartEl = el.querySelector('.chart');
    const chart = echarts.getInstanceByDom(chartEl) || echarts.init(chartEl, null, {renderer: 'svg'});
    chart.setOption(DS.Timeline.option(room, this.model, this.view), true);
    el.querySelector('.card-info').textContent = room.entries.length + ' entries' + (room.closed ? ' · closed' : '')
      + (room.entries.length ? ' · #' + room.entries[0].seq + '–#' + room.entries[room.entries.length - 1].seq : '');
    el.querySelector('.marks').replaceChildren(...DS.RoomsView.markItems(room, this.model));
  }

  /** The fault decisions and report lies of a room, as words under its chart. */
  static markItems(room, model) {
    const items = room.marks.filter(m => m.draw !== 'lie').map(m => DS.el('li', {
      class: 'mark mark-' + m.type, 'data-rule': m.rule, 'data-hook': m.hook, 'data-seq': String(m.seq)}, [
      DS.el('span', {class: 'symbol', text: m.symbol}), ' ' + m.text + ' ',
      DS.el('span', {class: 'rule', text: 'rule ' + m.rule + (m.occurrence ? ' #' + m.occurrence : '')}),
      ' ' + DS.offset(m.ms - model.t0)]));
    room.lies.forEach(l => items.push(DS.el('li', {class: 'lie' + (l.lie ? ' untrue' : ''), 'data-reported': l.reported,
      'data-seq': String(l.seq)}, [
      DS.el('span', {class: 'symbol', text: l.lie ? '≠' : '='}), ' ListDispatch said ',
      DS.el('b', {class: 'reported', text: l.reported}), ' · truth: ',
      DS.el('span', {class: 'truth', text: l.truth}), ' ',
      DS.el('span', {class: 'rule', text: 'rule ' + l.rule}), ' ' + DS.offset(l.ms - model.t0)])));
    return items;
  }

  static dispose(el) {
    const chartEl = el.querySelector && el.querySelector('.chart');
    const chart = chartEl && echarts.getInstanceByDom(chartEl);
    if (chart) chart.dispose();
  }
};
