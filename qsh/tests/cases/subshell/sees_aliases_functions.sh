alias al='echo alias-in-sub'
g() { echo func-in-sub; }
(g; eval al)
