//! The stored and client-facing types, with the reference chain's encodings.
//!
//! [`Data`] has a hand-written SCALE encoding (one tag byte, the length folded into the tag for
//! raw data) and a matching hand-written `TypeInfo`, so that clients that build calls and decode
//! storage from the metadata (polkadot.js, the Bittensor SDK) see the reference's variants:
//!
//! | tag | variant | payload |
//! |---:|---|---|
//! | 0 | `None` | — |
//! | 1 + n (n = 0…128) | `Raw{n}` | the n bytes |
//! | 130 | `BlakeTwo256` | 32 bytes |
//! | 131 | `Sha256` | 32 bytes |
//! | 132 | `Keccak256` | 32 bytes |
//! | 133 | `ShaThree256` | 32 bytes |
//! | 134 | `TimelockEncrypted { encrypted, reveal_round }` | `Vec<u8>` (≤ 1024) then `u64` |
//! | 135 | `ResetBondsFlag` | — |
//! | 136 | `BigRaw` | `Vec<u8>` (≤ 512) |

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, PartialEqNoBound,
};
use scale_info::{
	build::{Fields, Variants},
	Path, Type, TypeInfo,
};

/// Most bytes of a [`Data::Raw`] field.
pub const MAX_RAW_COMMITMENT_SIZE_BYTES: u32 = 128;
/// Most bytes of a [`Data::TimelockEncrypted`] ciphertext (the reference's value).
pub const MAX_TIMELOCK_COMMITMENT_SIZE_BYTES: u32 = 1024;
/// Most bytes of a [`Data::BigRaw`] field (the reference's value).
pub const MAX_BIGRAW_COMMITMENT_SIZE_BYTES: u32 = 512;
/// Revealed timelock commitments kept per account (the reference keeps the last 10).
pub const MAX_REVEALS: u32 = 10;

/// Tag of [`Data::BlakeTwo256`].
const TAG_BLAKE_TWO_256: u8 = 130;
/// Tag of [`Data::Sha256`].
const TAG_SHA_256: u8 = 131;
/// Tag of [`Data::Keccak256`].
const TAG_KECCAK_256: u8 = 132;
/// Tag of [`Data::ShaThree256`].
const TAG_SHA_THREE_256: u8 = 133;
/// Tag of [`Data::TimelockEncrypted`].
const TAG_TIMELOCK_ENCRYPTED: u8 = 134;
/// Tag of [`Data::ResetBondsFlag`].
const TAG_RESET_BONDS_FLAG: u8 = 135;
/// Tag of [`Data::BigRaw`].
const TAG_BIG_RAW: u8 = 136;

/// One field of a commitment.
#[derive(Clone, Eq, PartialEq, Debug, Default, MaxEncodedLen, DecodeWithMemTracking)]
pub enum Data {
	/// No data.
	#[default]
	None,
	/// Up to 128 bytes, stored as they are (`Raw0` … `Raw128` in the metadata).
	Raw(BoundedVec<u8, ConstU32<MAX_RAW_COMMITMENT_SIZE_BYTES>>),
	/// The Blake2-256 hash of data kept elsewhere.
	BlakeTwo256([u8; 32]),
	/// The SHA2-256 hash of data kept elsewhere.
	Sha256([u8; 32]),
	/// The Keccak-256 hash of data kept elsewhere.
	Keccak256([u8; 32]),
	/// The SHA3-256 hash of data kept elsewhere.
	ShaThree256([u8; 32]),
	/// Data encrypted to a drand round, revealed on the reference chain once the round's
	/// signature is on chain. This chain has no drand: `set_commitment` refuses it
	/// ([`crate::Error::TimelockNotSupported`]); the variant exists so that the encoding lines up.
	TimelockEncrypted {
		/// The ciphertext.
		encrypted: BoundedVec<u8, ConstU32<MAX_TIMELOCK_COMMITMENT_SIZE_BYTES>>,
		/// The drand round that would reveal it.
		reveal_round: u64,
	},
	/// Ask the subnet to reset the bonds held in the committing hotkey (if the subnet's
	/// `BondsResetOn` is set).
	ResetBondsFlag,
	/// Up to 512 bytes, stored as they are.
	BigRaw(BoundedVec<u8, ConstU32<MAX_BIGRAW_COMMITMENT_SIZE_BYTES>>),
}

impl Data {
	/// The bytes this field counts against the space limit (`UsedSpaceOf`, `MaxSpace`): the
	/// payload's length; 0 for `None` and `ResetBondsFlag` (as the reference).
	pub fn len_for_rate_limit(&self) -> u64 {
		let len = match self {
			Data::None | Data::ResetBondsFlag => 0,
			Data::Raw(bytes) => bytes.len(),
			Data::BlakeTwo256(h) | Data::Sha256(h) | Data::Keccak256(h) | Data::ShaThree256(h) => {
				h.len()
			},
			Data::TimelockEncrypted { encrypted, .. } => encrypted.len(),
			Data::BigRaw(bytes) => bytes.len(),
		};
		// At most 1024: fits.
		u64::try_from(len).unwrap_or(u64::MAX)
	}

	/// Whether this is a [`Data::TimelockEncrypted`] field.
	pub fn is_timelock_encrypted(&self) -> bool {
		matches!(self, Data::TimelockEncrypted { .. })
	}

	/// The tag byte of a `Raw` field of `len` bytes: `1 + len` (`len ≤ 128` by its bound).
	fn raw_tag(len: usize) -> u8 {
		u8::try_from(len).unwrap_or(u8::MAX).saturating_add(1)
	}
}

impl Encode for Data {
	fn size_hint(&self) -> usize {
		match self {
			Data::None | Data::ResetBondsFlag => 1,
			Data::Raw(bytes) => bytes.len().saturating_add(1),
			Data::BlakeTwo256(_) | Data::Sha256(_) | Data::Keccak256(_) | Data::ShaThree256(_) => {
				33
			},
			Data::TimelockEncrypted { encrypted, reveal_round } => {
				encrypted.size_hint().saturating_add(reveal_round.size_hint()).saturating_add(1)
			},
			Data::BigRaw(bytes) => bytes.size_hint().saturating_add(1),
		}
	}

	fn encode_to<W: codec::Output + ?Sized>(&self, dest: &mut W) {
		match self {
			Data::None => dest.push_byte(0),
			Data::Raw(bytes) => {
				dest.push_byte(Self::raw_tag(bytes.len()));
				dest.write(bytes);
			},
			Data::BlakeTwo256(h) => {
				dest.push_byte(TAG_BLAKE_TWO_256);
				dest.write(h);
			},
			Data::Sha256(h) => {
				dest.push_byte(TAG_SHA_256);
				dest.write(h);
			},
			Data::Keccak256(h) => {
				dest.push_byte(TAG_KECCAK_256);
				dest.write(h);
			},
			Data::ShaThree256(h) => {
				dest.push_byte(TAG_SHA_THREE_256);
				dest.write(h);
			},
			Data::TimelockEncrypted { encrypted, reveal_round } => {
				dest.push_byte(TAG_TIMELOCK_ENCRYPTED);
				encrypted.encode_to(dest);
				reveal_round.encode_to(dest);
			},
			Data::ResetBondsFlag => dest.push_byte(TAG_RESET_BONDS_FLAG),
			Data::BigRaw(bytes) => {
				dest.push_byte(TAG_BIG_RAW);
				bytes.encode_to(dest);
			},
		}
	}
}

impl codec::EncodeLike for Data {}

impl Decode for Data {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let tag = input.read_byte()?;
		Ok(match tag {
			0 => Data::None,
			1..=129 => {
				// 0 … 128 bytes follow.
				let mut bytes = alloc::vec![0u8; usize::from(tag.saturating_sub(1))];
				input.read(&mut bytes)?;
				Data::Raw(
					BoundedVec::try_from(bytes).map_err(|_| "Data::Raw longer than 128 bytes")?,
				)
			},
			TAG_BLAKE_TWO_256 => Data::BlakeTwo256(Decode::decode(input)?),
			TAG_SHA_256 => Data::Sha256(Decode::decode(input)?),
			TAG_KECCAK_256 => Data::Keccak256(Decode::decode(input)?),
			TAG_SHA_THREE_256 => Data::ShaThree256(Decode::decode(input)?),
			TAG_TIMELOCK_ENCRYPTED => Data::TimelockEncrypted {
				encrypted: Decode::decode(input)?,
				reveal_round: Decode::decode(input)?,
			},
			TAG_RESET_BONDS_FLAG => Data::ResetBondsFlag,
			TAG_BIG_RAW => Data::BigRaw(Decode::decode(input)?),
			_ => return Err("Data: unknown tag byte".into()),
		})
	}
}

/// Adds the variants `Raw{n}` (index `1 + n`, one `[u8; n]` field) for each listed `n`.
macro_rules! raw_variants {
	($variants:expr; $($n:literal)*) => {
		$variants
		$(
			.variant(concat!("Raw", stringify!($n)), |v| {
				let n: u8 = $n;
				v.index(n.saturating_add(1)).fields(Fields::unnamed().field(|f| f.ty::<[u8; $n]>()))
			})
		)*
	};
}

impl TypeInfo for Data {
	type Identity = Self;

	fn type_info() -> Type {
		let variants = raw_variants!(Variants::new().variant("None", |v| v.index(0));
			0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
			32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60
			61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89
			90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113
			114 115 116 117 118 119 120 121 122 123 124 125 126 127 128)
		.variant("BlakeTwo256", |v| {
			v.index(TAG_BLAKE_TWO_256).fields(Fields::unnamed().field(|f| f.ty::<[u8; 32]>()))
		})
		.variant("Sha256", |v| {
			v.index(TAG_SHA_256).fields(Fields::unnamed().field(|f| f.ty::<[u8; 32]>()))
		})
		.variant("Keccak256", |v| {
			v.index(TAG_KECCAK_256).fields(Fields::unnamed().field(|f| f.ty::<[u8; 32]>()))
		})
		.variant("ShaThree256", |v| {
			v.index(TAG_SHA_THREE_256).fields(Fields::unnamed().field(|f| f.ty::<[u8; 32]>()))
		})
		.variant("TimelockEncrypted", |v| {
			v.index(TAG_TIMELOCK_ENCRYPTED).fields(
				Fields::named()
					.field(|f| {
						f.name("encrypted")
							.ty::<BoundedVec<u8, ConstU32<MAX_TIMELOCK_COMMITMENT_SIZE_BYTES>>>()
					})
					.field(|f| f.name("reveal_round").ty::<u64>()),
			)
		})
		.variant("ResetBondsFlag", |v| v.index(TAG_RESET_BONDS_FLAG))
		.variant("BigRaw", |v| {
			v.index(TAG_BIG_RAW).fields(
				Fields::unnamed().field(|f| {
					f.ty::<BoundedVec<u8, ConstU32<MAX_BIGRAW_COMMITMENT_SIZE_BYTES>>>()
				}),
			)
		});
		Type::builder().path(Path::new("Data", module_path!())).variant(variants)
	}
}

/// A commitment: up to `FieldLimit` fields (`MaxFields`; 3 on this chain, as the reference).
#[derive(
	CloneNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	MaxEncodedLen,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
	DefaultNoBound,
)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(FieldLimit))]
pub struct CommitmentInfo<FieldLimit: Get<u32>> {
	/// The fields, in the committer's order.
	pub fields: BoundedVec<Data, FieldLimit>,
}

/// What `CommitmentOf` stores for a hotkey on a subnet (the reference's layout: deposit, block,
/// info).
#[derive(
	CloneNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	MaxEncodedLen,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
)]
#[codec(mel_bound(Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
#[scale_info(skip_type_params(MaxFields))]
#[allow(clippy::multiple_bound_locations)] // the derives add their own where clauses
pub struct Registration<
	Balance: Clone + Eq + core::fmt::Debug,
	MaxFields: Get<u32>,
	BlockNumber: Clone + Eq + core::fmt::Debug,
> {
	/// The deposit reserved from the hotkey for this commitment.
	pub deposit: Balance,
	/// The block of the last `set_commitment`.
	pub block: BlockNumber,
	/// The commitment.
	pub info: CommitmentInfo<MaxFields>,
}

/// The space a hotkey has used on a subnet in the subnet's current epoch (`UsedSpaceOf`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Default,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct UsageTracker {
	/// The epoch (`SubnetEpochIndex`) `used_space` counts in.
	pub last_epoch: u64,
	/// Bytes committed in that epoch (each commitment counts at least
	/// [`crate::MIN_SPACE_PER_COMMITMENT`]).
	pub used_space: u64,
}

/// A revealed timelock commitment: the plaintext and the block it was revealed in. Never
/// written on this chain (no drand); kept so that `RevealedCommitments` has the reference's
/// layout (`Vec<(Vec<u8>, u64)>`).
pub type RevealedCommitment = (BoundedVec<u8, ConstU32<MAX_TIMELOCK_COMMITMENT_SIZE_BYTES>>, u64);

/// The revealed commitments of a hotkey on a subnet, oldest first, at most [`MAX_REVEALS`].
pub type Reveals = BoundedVec<RevealedCommitment, ConstU32<MAX_REVEALS>>;
