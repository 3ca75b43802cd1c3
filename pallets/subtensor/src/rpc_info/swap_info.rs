//! `SwapRuntimeApi`: spot prices and swap previews of the subnets' pools.

use crate::*;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use subtensor_math::pool::{self, Swap};

/// The spot price of one subnet: `SwapRuntimeApi.current_alpha_price_all`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetPrice {
	/// The subnet.
	pub netuid: NetUid,
	/// RAO per alpha (10⁹ = 1.0).
	pub price: u64,
}

/// A simulated swap: `SwapRuntimeApi.sim_swap_tao_for_alpha` / `sim_swap_alpha_for_tao`.
///
/// For TAO → alpha, `tao_amount` is paid (fee included) and `alpha_amount` received; for
/// alpha → TAO, `alpha_amount` is paid and `tao_amount` received. The fee is in the input
/// token; the slippage is what the output falls short of the input's value at the spot price
/// before the swap (fee excluded), in the output token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SimSwapResult {
	/// TAO paid in or received, RAO.
	pub tao_amount: u64,
	/// Alpha received or paid in, alpha-RAO.
	pub alpha_amount: u64,
	/// Fee in TAO (on a TAO → alpha swap).
	pub tao_fee: u64,
	/// Fee in alpha (on an alpha → TAO swap).
	pub alpha_fee: u64,
	/// TAO short of the spot value (on an alpha → TAO swap).
	pub tao_slippage: u64,
	/// Alpha short of the spot value (on a TAO → alpha swap).
	pub alpha_slippage: u64,
}

impl<T: Config> Pallet<T> {
	/// `current_alpha_price_all`: the spot price of every subnet, root included, by netuid.
	pub fn current_alpha_price_all() -> Vec<SubnetPrice> {
		let mut prices: Vec<SubnetPrice> = NetworksAdded::<T>::iter()
			.filter(|(_, added)| *added)
			.map(|(netuid, _)| SubnetPrice { netuid, price: Self::current_alpha_price(netuid) })
			.collect();
		prices.sort_by_key(|p| p.netuid);
		prices
	}

	/// `sim_swap_tao_for_alpha`: what staking `tao` on `netuid` would give now, exactly as
	/// `add_stake` would execute it. All zeros if the subnet does not exist or the swap would
	/// be refused (empty pool, too little liquidity).
	pub fn sim_swap_tao_for_alpha(netuid: NetUid, tao: u64) -> SimSwapResult {
		if !Self::subnet_exists(netuid) {
			return SimSwapResult::default();
		}
		let before = Self::reserves(netuid);
		match Self::quote_buy(netuid, tao, false) {
			Ok(Swap { amount_in, fee, amount_out, .. }) => {
				let ideal = if Self::is_dynamic(netuid) {
					pool::alpha_at_spot(before, amount_in.saturating_sub(fee))
				} else {
					amount_in
				};
				SimSwapResult {
					tao_amount: amount_in,
					alpha_amount: amount_out,
					tao_fee: fee,
					alpha_fee: 0,
					tao_slippage: 0,
					alpha_slippage: ideal.saturating_sub(amount_out),
				}
			},
			Err(_) => SimSwapResult::default(),
		}
	}

	/// `sim_swap_alpha_for_tao`: what unstaking `alpha` on `netuid` would give now, exactly as
	/// `remove_stake` would execute it. All zeros if it would be refused.
	pub fn sim_swap_alpha_for_tao(netuid: NetUid, alpha: u64) -> SimSwapResult {
		if !Self::subnet_exists(netuid) {
			return SimSwapResult::default();
		}
		let before = Self::reserves(netuid);
		match Self::quote_sell(netuid, alpha, false) {
			Ok(Swap { amount_in, fee, amount_out, .. }) => {
				let ideal = if Self::is_dynamic(netuid) {
					pool::tao_at_spot(before, amount_in.saturating_sub(fee))
				} else {
					amount_in
				};
				SimSwapResult {
					tao_amount: amount_out,
					alpha_amount: amount_in,
					tao_fee: 0,
					alpha_fee: fee,
					tao_slippage: ideal.saturating_sub(amount_out),
					alpha_slippage: 0,
				}
			},
			Err(_) => SimSwapResult::default(),
		}
	}
}
