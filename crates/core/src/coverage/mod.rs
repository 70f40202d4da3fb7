//! Coverage of the world by the coalition: the map (`map`), presence per country and
//! region (`tally`), and regional expansion targets (`targets`).

pub mod map;
pub mod tally;
pub mod targets;
