//! # subtensor-math
//!
//! The chain's economic and consensus formulas as pure functions: numbers in, a value or a
//! [`MathError`] out. No storage, no FRAME, no floats; `no_std` with a default `std` feature.
//! Every doc comment gives the formula, the units and the rounding direction; the specification is
//! `shared/spec/{yuma,economics}.md` (profile B).
//!
//! Terms: a *subnet* has UIDs (neurons), each a *hotkey*; *TAO* is the chain token, *alpha* a
//! subnet's token, both counted in *rao* (10⁻⁹); every `tempo` blocks an *epoch* runs Yuma
//! Consensus over the subnet's weights and stake.
//!
//! Map of `src/`:
//! * [`fixed`]: I32F32 helpers with the spec's rounding (`safe_div`, `mul`, `Divisor`,
//!   `exp_safe`, `to_u16`, max-upscale, normalisation, top-k, weighted median);
//! * [`sparse`]: sparse-matrix operations of the epoch;
//! * [`yuma`]: the epoch itself ([`yuma::epoch`]);
//! * [`pool`]: constant-product pool, swaps, limit-price maxima, moving price;
//! * [`emission`]: halving, Taoflow EMA and shares, per-subnet emission split;
//! * [`registration`]: subnet lock cost, neuron burn adjustment;
//! * [`share_pool`]: stake shares of a hotkey's pool;
//! * [`returns`]: a validator's daily dividends and return per 1000 TAO staked;
//! * [`split`]: largest-remainder pro-rata split;
//! * [`childkeys`]: stake a parent lends its children, and the dividends it takes back.
//! * [`locks`]: stake locks: locked-mass decay, conviction growth, proportional splits.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod childkeys;
pub mod emission;
mod error;
pub mod fixed;
pub mod locks;
pub mod pool;
pub mod registration;
pub mod returns;
pub mod share_pool;
pub mod sparse;
pub mod split;
pub mod yuma;

pub use error::MathError;
pub use substrate_fixed;
