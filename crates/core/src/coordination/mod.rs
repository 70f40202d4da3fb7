//! Coordination across the network: finding times that suit an audience spread over
//! many time zones.

pub mod slots;
