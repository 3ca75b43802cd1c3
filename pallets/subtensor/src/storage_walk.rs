//! Test tooling: a walk over every storage entry of the current externalities, to prove that an
//! account (a swapped-away hotkey or coldkey) is left nowhere.
//!
//! Native builds only (never in the WASM runtime), so that the runtime's tests can use it too.

use alloc::{format, string::String, vec::Vec};
use frame_support::traits::StorageInfo;

/// One storage entry whose key or value contains the searched bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
	/// `Pallet::Item` of the entry, when its prefix is among the known items; else the key in
	/// hex.
	pub item: String,
	/// The whole storage key.
	pub key: Vec<u8>,
	/// The raw value.
	pub value: Vec<u8>,
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
	!needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every entry of the current externalities (overlay included) whose key or value contains
/// `needle`, walked with `sp_io::storage::next_key` from the empty key. `known` names the
/// entries (`AllPalletsWithSystem::storage_info()`).
pub fn occurrences(needle: &[u8], known: &[StorageInfo]) -> Vec<Occurrence> {
	let mut found = Vec::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		let value = sp_io::storage::get(&next).map(|v| v.to_vec()).unwrap_or_default();
		if contains(&next, needle) || contains(&value, needle) {
			let item = known
				.iter()
				.find(|i| next.starts_with(&i.prefix))
				.map(|i| {
					format!(
						"{}::{}",
						String::from_utf8_lossy(&i.pallet_name),
						String::from_utf8_lossy(&i.storage_name)
					)
				})
				.unwrap_or_else(|| format!("0x{}", hex(&next)));
			found.push(Occurrence { item, key: next.clone(), value });
		}
		key = next;
	}
	found
}

/// Panics, listing the offending items, if `needle` occurs in any entry outside the `allowed`
/// items (`"Pallet::Item"` names, each with the caller's reason for allowing it).
pub fn assert_absent_except(needle: &[u8], known: &[StorageInfo], allowed: &[(&str, &str)]) {
	let left: Vec<Occurrence> = occurrences(needle, known)
		.into_iter()
		.filter(|o| !allowed.iter().any(|(item, _why)| o.item == *item))
		.collect();
	assert!(
		left.is_empty(),
		"the account is still in storage: {:?}",
		left.iter().map(|o| o.item.clone()).collect::<Vec<_>>()
	);
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
