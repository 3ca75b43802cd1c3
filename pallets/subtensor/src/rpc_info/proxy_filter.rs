//! Shapes of `ProxyFilterRuntimeApi` (the reference's `ProxyTypeInfo`, `ProxyFilterInfo`,
//! `FilterMode`, `CallInfo`, `CallCondition`, field for field): what each proxy type of the
//! runtime lets a delegate do. The runtime fills them from the same rule table its
//! `InstanceFilter` runs (`runtime/src/proxy.rs`), so the description cannot drift from the
//! behaviour.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// One proxy type: its name, SCALE index, and whether it is retired.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ProxyTypeInfo {
	/// The variant's name, UTF-8 (`b"Staking"`).
	pub name: Vec<u8>,
	/// Its SCALE index (what `add_proxy` encodes).
	pub index: u8,
	/// Retired upstream: allows nothing.
	pub deprecated: bool,
}

/// How a proxy type's `calls` are read.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum FilterMode {
	/// Every call is allowed; `calls` is empty.
	AllowAll,
	/// No call is allowed; `calls` is empty.
	DenyAll,
	/// Only the calls listed are allowed (less the `exceptions`).
	Allow,
	/// Every call but those listed is allowed.
	Deny,
}

/// A condition beyond the call's name.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum CallCondition {
	/// The numeric parameter `param_name` must be below `limit`.
	ParamLessThan {
		/// The parameter's name in the call (UTF-8).
		param_name: Vec<u8>,
		/// The exclusive limit.
		limit: u128,
	},
	/// The call's nested `call` must be this pallet's call.
	NestedCallMustBe {
		/// The nested call's pallet (UTF-8).
		pallet_name: Vec<u8>,
		/// The nested call's name (UTF-8).
		call_name: Vec<u8>,
	},
}

/// Which call(s) a rule names: one call of a pallet, or every call of it (`call_name: None`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct CallInfo {
	/// The pallet's name in the runtime (UTF-8).
	pub pallet_name: Vec<u8>,
	/// The pallet's index in the runtime.
	pub pallet_index: u8,
	/// The call's name; `None`: every call of the pallet.
	pub call_name: Option<Vec<u8>>,
	/// The call's index; `None`: every call of the pallet.
	pub call_index: Option<u8>,
	/// A further condition, if any.
	pub condition: Option<CallCondition>,
}

/// The complete rule of one proxy type.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ProxyFilterInfo {
	/// The type's SCALE index.
	pub proxy_type: u8,
	/// The type's name (UTF-8).
	pub name: Vec<u8>,
	/// Retired upstream: allows nothing.
	pub deprecated: bool,
	/// How `calls` is read.
	pub filter_mode: FilterMode,
	/// The calls the rule lists.
	pub calls: Vec<CallInfo>,
	/// Calls excepted from an `Allow` list.
	pub exceptions: Vec<CallInfo>,
}
