//! `CheckNonce` as frame-system's, except that a transaction whose call pays no fee
//! (`Pays::No`) may come from an account that does not exist yet (no providers).
//!
//! frame-system's `CheckNonce` refuses every transaction from an account without providers
//! ("Inability to pay some fees"), because bumping its nonce writes an account nobody paid for.
//! A validator hotkey normally holds no TAO, so its free calls (`set_weights`, `serve_axon`, …)
//! would be refused. Those calls are validated by `SubtensorTransactionExtension`, which admits
//! only a registered hotkey's valid call, so the accounts written this way are bounded by the
//! registered hotkeys. The reference chain does the same.
//!
//! Same identifier, same encoding (a compact nonce) and same pool tags as frame-system's, so
//! clients see no difference.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchInfo, Pays},
	pallet_prelude::TransactionSource,
};
use frame_system::Config;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, One, PostDispatchInfoOf,
		TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
	},
	DispatchResult, Saturating, Weight,
};

/// What `validate` hands to `prepare`.
pub enum Val<T: Config> {
	/// Check and bump the nonce of this account.
	CheckNonce(T::AccountId),
	/// Not a signed transaction: refund the extension's weight.
	Refund(Weight),
}

/// What `prepare` hands to `post_dispatch_details`.
pub enum Pre {
	/// The nonce was checked and bumped.
	NonceChecked,
	/// Refund the extension's weight.
	Refund(Weight),
}

/// Nonce check and increment (replay protection), free calls allowed from new accounts.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckNonce<T: Config>(#[codec(compact)] pub T::Nonce);

impl<T: Config> CheckNonce<T> {
	/// The extension for a transaction with nonce `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(nonce)
	}
}

impl<T: Config> core::fmt::Debug for CheckNonce<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckNonce({:?})", self.0)
	}
}

impl<T: Config> TransactionExtension<T::RuntimeCall> for CheckNonce<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = Val<T>;
	type Pre = Pre;

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		<T::ExtensionsWeightInfo as frame_system::ExtensionsWeightInfo>::check_nonce()
	}

	fn validate(
		&self,
		origin: <T as Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((Default::default(), Val::Refund(self.weight(call)), origin));
		};
		let account = frame_system::Account::<T>::get(who);
		// The one difference from frame-system: only a paying call needs an existing account.
		if info.pays_fee == Pays::Yes
			&& account.providers.is_zero()
			&& account.sufficients.is_zero()
		{
			return Err(InvalidTransaction::Payment.into());
		}
		if self.0 < account.nonce {
			return Err(InvalidTransaction::Stale.into());
		}
		let provides = alloc::vec![Encode::encode(&(who.clone(), self.0))];
		let requires = if account.nonce < self.0 {
			alloc::vec![Encode::encode(&(who.clone(), self.0.saturating_sub(One::one())))]
		} else {
			alloc::vec![]
		};
		let validity = ValidTransaction {
			priority: 0,
			requires,
			provides,
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		Ok((validity, Val::CheckNonce(who.clone()), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::CheckNonce(who) => {
				frame_system::CheckNonce::<T>::prepare_nonce_for_account(&who, self.0)?;
				Ok(Pre::NonceChecked)
			},
			Val::Refund(weight) => Ok(Pre::Refund(weight)),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		match pre {
			Pre::NonceChecked => Ok(Weight::zero()),
			Pre::Refund(weight) => Ok(weight),
		}
	}
}
