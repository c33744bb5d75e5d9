outer() { inner() { echo inner-defined; }; }
outer
inner
