//! Coverage of the world by the coalition: the map and, later, expansion targets.

pub mod map;
