/* carenos site search: loads the index's chunks as scripts (a page opened from the file
   system may not fetch files), then shows the statements whose text holds every word. */
(function () {
  "use strict";
  var script = document.currentScript;
  var total = Number(script.getAttribute("data-chunks")) || 0;
  var entries = [];
  var loaded = 0;
  var started = false;
  var input = document.getElementById("query");
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var LIMIT = 50;

  window.carenosSearch = {
    add: function (number, count, part) {
      for (var i = 0; i < part.length; i++) {
        entries.push({text: part[i][0], folded: fold(part[i][0]), refs: part[i][1], lang: part[i][2] || ""});
      }
      loaded += 1;
      run();
    }
  };

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'");
  }

  function load() {
    if (started) { return; }
    started = true;
    for (var n = 0; n < total; n++) {
      var tag = document.createElement("script");
      tag.src = "search/index-" + n + ".js";
      document.body.appendChild(tag);
    }
  }

  function page(ref, lang) {
    var code = ref.slice(0, ref.lastIndexOf("/"));
    return "standards/" + encodeURIComponent(code) + (lang ? "." + lang : "") + ".html#" + encodeURIComponent(ref).replace(/%2F/g, "/");
  }

  function run() {
    var query = fold(input.value.trim());
    results.textContent = "";
    if (query.length < 2) {
      status.textContent = "Type two letters or more.";
      return;
    }
    load();
    var words = query.split(/\s+/);
    var shown = 0;
    var found = 0;
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var all = true;
      for (var w = 0; w < words.length; w++) {
        if (entry.folded.indexOf(words[w]) < 0) { all = false; break; }
      }
      if (!all) { continue; }
      found += 1;
      if (shown >= LIMIT) { continue; }
      shown += 1;
      var item = document.createElement("li");
      var text = document.createElement("p");
      text.textContent = entry.text;
      item.appendChild(text);
      for (var r = 0; r < entry.refs.length; r++) {
        var link = document.createElement("a");
        link.href = page(entry.refs[r], entry.lang);
        link.textContent = entry.refs[r];
        link.className = "ref";
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
      }
      results.appendChild(item);
    }
    var more = loaded < total ? " (still loading the index)" : "";
    status.textContent = found === 0 ? "No statement holds those words" + more + "." :
      found + " statements" + (found > shown ? ", the first " + shown + " shown" : "") + more + ".";
  }

  input.addEventListener("input", run);
  if (input.value) { run(); }
})();
