/*
 * A virtualised list: rows of one fixed height, of which only those in view (and a few around) exist in the
 * DOM. With 1,000 rooms the page holds a screenful of rows and charts, not a thousand.
 */
'use strict';

DS.VirtualList = class {
  /**
   * @param container a scrolling element
   * @param options rowHeight (px), overscan (rows), key(i) -> string, render(i, element), release(element)
   */
  constructor(container, options) {
    this.container = container;
    this.options = Object.assign({overscan: 2, release: () => {}}, options);
    this.count = 0;
    this.rows = new Map();    // key -> {element, index}
    this.spacer = DS.el('div', {class: 'vlist-spacer'});
    container.classList.add('vlist');
    container.append(this.spacer);
    this.schedule = DS.perFrame(() => this.refresh());
    container.addEventListener('scroll', this.schedule);
    window.addEventListener('resize', this.schedule);
  }

  setCount(count) {
    this.count = count;
    this.spacer.style.height = (count * this.options.rowHeight) + 'px';
    this.schedule();
  }

  /** Renders what is in view now; rows whose key moved are re-placed, rows out of view released. */
  refresh() {
    const height = this.options.rowHeight;
    const top = this.container.scrollTop;
    const first = Math.max(0, Math.floor(top / height) - this.options.overscan);
    const last = Math.min(this.count - 1, Math.ceil((top + this.container.clientHeight) / height) + this.options.overscan);
    const wanted = new Map();
    for (let i = first; i <= last; i++) wanted.set(this.options.key(i), i);
    for (const [key, row] of this.rows) {
      if (!wanted.has(key)) {
        this.options.release(row.element);
        row.element.remove();
        this.rows.delete(key);
      }
    }
    for (const [key, index] of wanted) {
      let row = this.rows.get(key);
      if (!row) {
        row = {element: DS.el('div', {class: 'vlist-row'}), index: -1};
        this.rows.set(key, row);
        this.container.append(row.element);
      }
      row.element.style.top = (index * height) + 'px';
      row.element.style.height = height + 'px';
      row.index = index;
      this.options.render(index, row.element);
    }
  }

  scrollTo(index) {
    this.container.scrollTop = index * this.options.rowHeight;
    this.refresh();
  }
};
