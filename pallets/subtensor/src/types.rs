//! Structs kept in storage or passed to calls. Field names are the reference chain's: clients
//! index them by name (clients.md §5.5).

use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use substrate_fixed::types::U64F64;

/// Longest subnet identity field, in bytes.
pub const MAX_IDENTITY_FIELD: u32 = 1024;
/// Longest `subnet_name` and `discord`, in bytes (economics.md §1.5).
pub const MAX_IDENTITY_SHORT_FIELD: usize = 256;

/// One identity field: UTF-8 bytes, at most [`MAX_IDENTITY_FIELD`].
pub type IdentityField = BoundedVec<u8, ConstU32<MAX_IDENTITY_FIELD>>;

/// A subnet's public identity (economics.md §1.5). Encodes as eight `Vec<u8>`, like the
/// reference's `SubnetIdentityV3`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct SubnetIdentityV3 {
	/// Name, at most 256 bytes.
	pub subnet_name: IdentityField,
	/// Source repository URL.
	pub github_repo: IdentityField,
	/// Contact address.
	pub subnet_contact: IdentityField,
	/// Web site.
	pub subnet_url: IdentityField,
	/// Discord handle, at most 256 bytes.
	pub discord: IdentityField,
	/// Free-text description.
	pub description: IdentityField,
	/// Logo URL.
	pub logo_url: IdentityField,
	/// Anything else.
	pub additional: IdentityField,
}

impl SubnetIdentityV3 {
	/// Build an identity from unbounded fields; `None` if any field is longer than allowed.
	#[allow(clippy::too_many_arguments)]
	pub fn try_from_parts(
		subnet_name: Vec<u8>,
		github_repo: Vec<u8>,
		subnet_contact: Vec<u8>,
		subnet_url: Vec<u8>,
		discord: Vec<u8>,
		description: Vec<u8>,
		logo_url: Vec<u8>,
		additional: Vec<u8>,
	) -> Option<Self> {
		let identity = Self {
			subnet_name: subnet_name.try_into().ok()?,
			github_repo: github_repo.try_into().ok()?,
			subnet_contact: subnet_contact.try_into().ok()?,
			subnet_url: subnet_url.try_into().ok()?,
			discord: discord.try_into().ok()?,
			description: description.try_into().ok()?,
			logo_url: logo_url.try_into().ok()?,
			additional: additional.try_into().ok()?,
		};
		identity.is_valid().then_some(identity)
	}

	/// Whether every field is within its limit: name and discord ≤ 256 bytes, the others ≤
	/// 1024 (the latter is guaranteed by the type).
	pub fn is_valid(&self) -> bool {
		self.subnet_name.len() <= MAX_IDENTITY_SHORT_FIELD
			&& self.discord.len() <= MAX_IDENTITY_SHORT_FIELD
	}
}

/// Longest `name`, `url`, `github_repo` and `discord` of a coldkey identity, in bytes.
pub const MAX_CHAIN_IDENTITY_SHORT_FIELD: u32 = 256;

/// A short coldkey identity field: UTF-8 bytes, at most [`MAX_CHAIN_IDENTITY_SHORT_FIELD`].
pub type ShortIdentityField = BoundedVec<u8, ConstU32<MAX_CHAIN_IDENTITY_SHORT_FIELD>>;

/// A coldkey's public identity (`IdentitiesV2`), shown by btcli next to its hotkeys. Field names
/// and order are the reference's `ChainIdentityV2`; it encodes as seven `Vec<u8>`. The bounds are
/// the reference's: `name`, `url`, `github_repo`, `discord` ≤ 256 bytes; `image`, `description`,
/// `additional` ≤ 1024 (so at most 4096 bytes in all, the reference's total).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct ChainIdentityV2 {
	/// Display name, at most 256 bytes.
	pub name: ShortIdentityField,
	/// Web site, at most 256 bytes.
	pub url: ShortIdentityField,
	/// Source repository URL, at most 256 bytes.
	pub github_repo: ShortIdentityField,
	/// Image URL, at most 1024 bytes.
	pub image: IdentityField,
	/// Discord handle, at most 256 bytes.
	pub discord: ShortIdentityField,
	/// Free-text description, at most 1024 bytes.
	pub description: IdentityField,
	/// Anything else, at most 1024 bytes.
	pub additional: IdentityField,
}

impl ChainIdentityV2 {
	/// Build an identity from unbounded fields; `None` if any field is longer than allowed.
	#[allow(clippy::too_many_arguments)]
	pub fn try_from_parts(
		name: Vec<u8>,
		url: Vec<u8>,
		github_repo: Vec<u8>,
		image: Vec<u8>,
		discord: Vec<u8>,
		description: Vec<u8>,
		additional: Vec<u8>,
	) -> Option<Self> {
		Some(Self {
			name: name.try_into().ok()?,
			url: url.try_into().ok()?,
			github_repo: github_repo.try_into().ok()?,
			image: image.try_into().ok()?,
			discord: discord.try_into().ok()?,
			description: description.try_into().ok()?,
			additional: additional.try_into().ok()?,
		})
	}
}

/// An axon endpoint (clients.md §5.5 `AxonInfo`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct AxonInfo {
	/// Block of the last update.
	pub block: u64,
	/// Software version.
	pub version: u32,
	/// IP address (IPv4 in the low 32 bits, or IPv6).
	pub ip: u128,
	/// Port.
	pub port: u16,
	/// 4 or 6.
	pub ip_type: u8,
	/// Transport protocol code (the SDK sends 4).
	pub protocol: u8,
	/// Reserved.
	pub placeholder1: u8,
	/// Reserved.
	pub placeholder2: u8,
}

/// A prometheus endpoint (clients.md §5.5 `PrometheusInfo`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct PrometheusInfo {
	/// Block of the last update.
	pub block: u64,
	/// Software version.
	pub version: u32,
	/// IP address.
	pub ip: u128,
	/// Port.
	pub port: u16,
	/// 4 or 6.
	pub ip_type: u8,
}

/// What happens to the emission of a subnet's "burn" UIDs (economics.md §5.2 `RecycleOrBurn`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub enum RecycleOrBurnEnum {
	/// Burned: gone for good, still counted in the alpha issuance.
	#[default]
	Burn,
	/// Recycled: removed from the alpha issuance, so it can be emitted again.
	Recycle,
}

/// Which consensus a subnet's epoch runs (the fork item `SubnetEpochConsensus` that newer
/// clients read before setting weights). This chain always runs Yuma.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub enum EpochConsensus {
	/// Yuma Consensus (yuma.md).
	#[default]
	Yuma,
	/// No consensus: emission by stake only (not used by this chain).
	Null,
}

/// The payout of a dissolved subnet still in progress (economics.md §1.8): its pool's TAO is
/// split pro rata over all of its alpha — the stakers', the pool's own reserve
/// (`SubnetAlphaIn`) and the outstanding alpha that no staker holds (burned, pending, dust) —
/// and only the stakers' part is paid; the rest is recycled when the payout ends.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct DissolvePayout {
	/// The pool's TAO when the subnet was dissolved, RAO.
	pub pot: u64,
	/// Of `pot`, RAO not paid out yet (recycled when the last position is paid).
	pub left: u64,
	/// All alpha of the subnet when it was dissolved: `SubnetAlphaIn + SubnetAlphaOut`.
	pub all_alpha: u128,
}

/// The hash type of weight commits: BlakeTwo256's output (`H256`).
pub type CommitHash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::Output;

/// Longest TLS public key of a [`NeuronCertificate`], in bytes.
pub const MAX_CERTIFICATE_KEY_LEN: u32 = 64;

/// An axon's TLS certificate (`serve_axon_tls`), as the reference stores it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct NeuronCertificate {
	/// The neuron's TLS public key.
	pub public_key: BoundedVec<u8, ConstU32<MAX_CERTIFICATE_KEY_LEN>>,
	/// The algorithm of the key.
	pub algorithm: u8,
}

impl NeuronCertificate {
	/// Parse the `certificate` argument of `serve_axon_tls`: the first byte is the algorithm,
	/// the rest (at most [`MAX_CERTIFICATE_KEY_LEN`] bytes) the public key. `None` if empty or
	/// too long.
	pub fn parse(certificate: &[u8]) -> Option<Self> {
		let (algorithm, key) = certificate.split_first()?;
		let public_key = BoundedVec::try_from(key.to_vec()).ok()?;
		Some(Self { public_key, algorithm: *algorithm })
	}
}

/// A coldkey's stake lock on a subnet (the reference's `LockState`; clients.md §5.5). This
/// chain has no stake locks: the storage items that hold it stay empty.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct LockState {
	/// Locked alpha, decaying exponentially (alpha-RAO).
	pub locked_mass: u64,
	/// Matured conviction: the integral of `locked_mass` over time.
	pub conviction: U64F64,
	/// Block of the last roll-forward.
	pub last_update: u64,
}

/// How a coldkey takes its root dividends (the reference's `RootClaimTypeEnum`). This chain
/// always does what `Swap` describes and stores no other choice.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub enum RootClaimTypeEnum {
	/// Root's alpha dividends are swapped for TAO.
	#[default]
	Swap,
	/// Root's alpha dividends are kept as alpha.
	Keep,
	/// Kept as alpha on the listed subnets, swapped elsewhere.
	KeepSubnets {
		/// The subnets whose alpha is kept.
		subnets: BTreeSet<u16>,
	},
}

/// A rate-limited operation, the key of `LastRateLimitedBlock` (the reference's
/// `RateLimitKey`, with its codec indices; only the variants this chain uses).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum RateLimitKey<AccountId> {
	/// The last rate-limited transaction of an account (`TxRateLimit`): a coldkey's last hotkey
	/// swap, or its coldkey swap (which starts the new coldkey's rate limit).
	#[codec(index = 3)]
	LastTxBlock(AccountId),
}
