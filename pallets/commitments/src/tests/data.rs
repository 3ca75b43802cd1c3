//! The reference's encodings of `Data`, `CommitmentInfo` and `Registration`, and the metadata
//! clients build them from.

use crate::{
	mock::Test, CommitmentInfo, Data, Registration, RegistrationOf,
	MAX_BIGRAW_COMMITMENT_SIZE_BYTES,
};
use codec::{Decode, Encode};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::{TypeDef, TypeInfo};

fn raw(bytes: &[u8]) -> Data {
	Data::Raw(BoundedVec::try_from(bytes.to_vec()).unwrap())
}

fn round_trip(data: &Data, expected: &[u8]) {
	assert_eq!(data.encode(), expected, "encoding of {data:?}");
	assert_eq!(data.encoded_size(), expected.len(), "size hint of {data:?}");
	assert_eq!(Data::decode(&mut &expected[..]).unwrap(), *data, "decoding of {expected:?}");
}

#[test]
fn data_tags_are_the_references() {
	round_trip(&Data::None, &[0]);
	round_trip(&raw(b""), &[1]);
	round_trip(&raw(b"abc"), &[4, b'a', b'b', b'c']);
	let long = [7u8; 128];
	let mut expected = vec![129];
	expected.extend_from_slice(&long);
	round_trip(&raw(&long), &expected);
	for (tag, data) in [
		(130, Data::BlakeTwo256([1; 32])),
		(131, Data::Sha256([1; 32])),
		(132, Data::Keccak256([1; 32])),
		(133, Data::ShaThree256([1; 32])),
	] {
		let mut expected = vec![tag];
		expected.extend_from_slice(&[1; 32]);
		round_trip(&data, &expected);
	}
	let timelock = Data::TimelockEncrypted {
		encrypted: BoundedVec::try_from(vec![9, 9]).unwrap(),
		reveal_round: 5,
	};
	round_trip(&timelock, &[134, 8, 9, 9, 5, 0, 0, 0, 0, 0, 0, 0]);
	round_trip(&Data::ResetBondsFlag, &[135]);
	let big = Data::BigRaw(BoundedVec::try_from(vec![3u8; 300]).unwrap());
	let mut expected = vec![136];
	expected.extend_from_slice(&codec::Compact(300u32).encode());
	expected.extend_from_slice(&[3u8; 300]);
	round_trip(&big, &expected);
}

#[test]
fn malformed_data_does_not_decode() {
	// Unknown tags.
	for tag in [137u8, 200, 255] {
		assert!(Data::decode(&mut &[tag][..]).is_err(), "tag {tag}");
	}
	// Raw5 with 2 bytes; a hash with 31 bytes; BigRaw longer than 512.
	assert!(Data::decode(&mut &[6, 1, 2][..]).is_err());
	assert!(Data::decode(&mut &[130, 0, 0][..]).is_err());
	let mut too_big = vec![136];
	too_big.extend_from_slice(&codec::Compact(MAX_BIGRAW_COMMITMENT_SIZE_BYTES + 1).encode());
	too_big.extend_from_slice(&vec![0u8; 513]);
	assert!(Data::decode(&mut &too_big[..]).is_err());
}

#[test]
fn data_metadata_lists_the_references_variants() {
	let TypeDef::Variant(def) = Data::type_info().type_def else {
		panic!("Data is an enum in the metadata");
	};
	let variants: Vec<(String, u8)> =
		def.variants.iter().map(|v| (v.name.to_string(), v.index)).collect();
	assert_eq!(variants.len(), 1 + 129 + 7);
	assert_eq!(variants[0], ("None".into(), 0));
	for n in 0..=128u8 {
		assert_eq!(variants[usize::from(n) + 1], (format!("Raw{n}"), n + 1));
	}
	let rest: Vec<(&str, u8)> = variants[130..].iter().map(|(s, i)| (s.as_str(), *i)).collect();
	assert_eq!(
		rest,
		vec![
			("BlakeTwo256", 130),
			("Sha256", 131),
			("Keccak256", 132),
			("ShaThree256", 133),
			("TimelockEncrypted", 134),
			("ResetBondsFlag", 135),
			("BigRaw", 136),
		]
	);
	let timelock = &def.variants[134];
	let names: Vec<_> = timelock.fields.iter().map(|f| f.name.unwrap()).collect();
	assert_eq!(names, vec!["encrypted", "reveal_round"]);
}

#[test]
fn commitment_info_beyond_max_fields_does_not_decode() {
	let four = vec![Data::None, Data::None, Data::None, Data::None];
	let encoded = four.encode();
	assert!(CommitmentInfo::<ConstU32<3>>::decode(&mut &encoded[..]).is_err());
	let three = vec![Data::None, raw(b"x"), Data::ResetBondsFlag];
	let info = CommitmentInfo::<ConstU32<3>>::decode(&mut &three.encode()[..]).unwrap();
	assert_eq!(info.fields.len(), 3);
}

#[test]
fn registration_encodes_deposit_block_info() {
	let info = CommitmentInfo { fields: BoundedVec::try_from(vec![raw(b"hi")]).unwrap() };
	let registration: RegistrationOf<Test> =
		Registration { deposit: 15u64, block: 7u64, info: info.clone() };
	let mut expected = 15u64.encode();
	expected.extend(7u64.encode());
	expected.extend(vec![4u8, 3, b'h', b'i']); // one field: compact 1, Raw2 "hi"
	assert_eq!(registration.encode(), expected);
	assert_eq!(RegistrationOf::<Test>::decode(&mut &expected[..]).unwrap(), registration);
}
