//! Directives: the clauses a meeting lays down (会议强调/指出 … 要…, 一是…二是…).
