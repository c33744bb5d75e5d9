alias hi='echo hello'
hi
hi there
