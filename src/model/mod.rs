//! The domain: groups, members, sessions and what each phase records. Pure data and pure
//! methods, no IO and no clock.

mod apply;
mod bounds;
mod change;
pub mod dated;
mod followup;
mod group;
mod group_apply;
mod ids;
pub mod life;
mod plan_review;
mod records;
mod session;

pub use bounds::{MAX_TALLY, Misfit, Number, SCORES};
pub use change::{Change, ItemList, TextField};
pub use followup::{backlog, open_reviews};
pub use group::{Group, LegalStatus, Member, Region};
pub use ids::{Id, IdGen};
pub use records::*;
pub use session::{Conflict, Event, NewSession, SCHEMA_VERSION, Session, SessionState, Start};
