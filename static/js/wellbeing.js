/* Wellbeing reminders, for members who turned them on (Settings, Preferences): a "take a break" note after
   some minutes of browsing, and a daily check-in at a chosen time. Their settings are data attributes on
   <body> (base.html); the notes are <template>s of community/partials/wellbeing.html, shown in a polite
   status region: never a dialog, never taking focus, always dismissible.

   Browsing time counts only while a Hearten page is visible, and adds up across page loads in this tab
   (sessionStorage). The check-in shows once a day, from its time on, when Hearten is open. */
(function () {
  "use strict";

  var body = document.body;
  var region = document.querySelector("[data-wellbeing-region]");
  if (!region) return;

  function storage(kind) {
    try {
      var store = window[kind];
      store.setItem("hearten.probe", "1");
      store.removeItem("hearten.probe");
      return store;
    } catch (e) {
      return null; // storage turned off: reminders count within this page only
    }
  }
  var session = storage("sessionStorage");
  var local = storage("localStorage");
  var memory = {};
  function read(store, key) { return store ? store.getItem(key) : memory[key] || null; }
  function write(store, key, value) { if (store) store.setItem(key, value); else memory[key] = value; }

  function show(name) {
    if (region.querySelector('[data-wellbeing-notice="' + name + '"]')) return;
    var template = document.getElementById("wellbeing-" + name);
    if (!template) return;
    region.appendChild(template.content.cloneNode(true));
    var notice = region.querySelector('[data-wellbeing-notice="' + name + '"]');
    notice.addEventListener("click", function (event) {
      if (event.target.closest("[data-wellbeing-dismiss]")) notice.remove();
    });
  }

  // Take a break
  var breakMinutes = parseInt(body.dataset.breakMinutes || "", 10);
  if (breakMinutes > 0) {
    var SECONDS = "hearten.wellbeing.seconds";
    var visibleSince = document.visibilityState === "visible" ? Date.now() : null;

    var count = function (event) {
      var now = Date.now();
      var total = parseFloat(read(session, SECONDS)) || 0;
      if (visibleSince !== null) {
        // A laptop asleep with the page open is not browsing: one step never counts more than a minute.
        total += Math.min((now - visibleSince) / 1000, 60);
      }
      var leaving = event && event.type === "pagehide";
      visibleSince = document.visibilityState === "visible" && !leaving ? now : null;
      if (visibleSince !== null && total >= breakMinutes * 60) {
        show("break"); // only on a page the person is looking at, never on one being left
        total = 0; // the next reminder comes after as long again
      }
      write(session, SECONDS, String(total));
    };
    count();
    window.setInterval(count, 15000);
    document.addEventListener("visibilitychange", count);
    window.addEventListener("pagehide", count);
    window.addEventListener("pageshow", count); // back from the browser's page cache
  }

  // The daily check-in
  var checkinAt = body.dataset.dailyReminder || "";
  if (/^\d\d:\d\d$/.test(checkinAt)) {
    var LAST = "hearten.wellbeing.checkin";
    var zone = body.dataset.timeZone || undefined;

    var localNow = function () {
      // The person's chosen zone if they set one, else the device's clock.
      var parts = {};
      try {
        new Intl.DateTimeFormat("en-GB", {
          timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
          hour: "2-digit", minute: "2-digit", hourCycle: "h23"
        }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
        return { day: parts.year + "-" + parts.month + "-" + parts.day, time: parts.hour + ":" + parts.minute };
      } catch (e) {
        var d = new Date();
        var two = function (n) { return (n < 10 ? "0" : "") + n; };
        return { day: d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()),
                 time: two(d.getHours()) + ":" + two(d.getMinutes()) };
      }
    };

    var checkIn = function () {
      var now = localNow();
      if (now.time >= checkinAt && read(local, LAST) !== now.day) {
        write(local, LAST, now.day); // once a day, whichever tab shows it
        show("checkin");
      }
    };
    checkIn();
    window.setInterval(checkIn, 30000);
  }
})();
