/* Inactivity warning: p:idleMonitor calls warn(seconds) when the session is about to end; the dialog counts down,
   "Rester connecté" sends a request (the session starts again), otherwise the portal signs out (the logout form of
   the top bar: the Keycloak session ends too). */
var preauIdle = (function () {
  var timer = null;
  var left = 0;
  function show() {
    var el = document.getElementById('idle-seconds');
    if (el) {
      el.textContent = '(' + left + ' s)';
    }
  }
  return {
    warn: function (seconds) {
      left = Math.max(1, Math.round(seconds));
      show();
      PF('idleDialog').show();
      var stay = document.getElementById('idle:stay');
      if (stay) {
        stay.focus();
      }
      clearInterval(timer);
      timer = setInterval(function () {
        left -= 1;
        show();
        if (left <= 0) {
          preauIdle.leave();
        }
      }, 1000);
    },
    stay: function () {
      clearInterval(timer);
      PF('idleDialog').hide();
    },
    leave: function () {
      clearInterval(timer);
      var logout = document.getElementById('logout');
      if (logout) {
        logout.click();
      } else {
        window.location.reload();
      }
    }
  };
}());
