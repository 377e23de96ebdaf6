//! Grouping variants of one formula: reordered, a list member swapped, nested, one character changed.
