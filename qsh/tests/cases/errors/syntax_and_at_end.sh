echo a &&
