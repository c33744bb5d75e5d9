function g echo hi
