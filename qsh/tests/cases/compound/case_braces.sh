case b { a) echo A;; b) echo B;; }
