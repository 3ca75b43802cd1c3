//! Axon and prometheus endpoints, with validation of IP type, address, port and protocol.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};

/// IPv4 localhost, 127.0.0.1.
const IPV4_LOCALHOST: u128 = 0x7f00_0001;

impl<T: Config> Pallet<T> {
	/// Whether `ip_type` is 4 or 6.
	pub fn is_valid_ip_type(ip_type: u8) -> bool {
		ip_type == 4 || ip_type == 6
	}

	/// Whether `ip` is a usable address of type `ip_type`: not 0, not all ones, not localhost,
	/// and within 32 bits for IPv4.
	pub fn is_valid_ip_address(ip_type: u8, ip: u128) -> bool {
		match ip_type {
			4 => ip != 0 && ip < u128::from(u32::MAX) && ip != IPV4_LOCALHOST,
			6 => ip != 0 && ip != u128::MAX && ip != 1,
			_ => false,
		}
	}

	/// Checks shared by axons and prometheus endpoints.
	fn ensure_endpoint(
		hotkey: &T::AccountId,
		netuid: NetUid,
		ip_type: u8,
		ip: u128,
		port: u16,
		last_block: Option<u64>,
	) -> Result<u64, Error<T>> {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Uids::<T>::contains_key(netuid, hotkey), Error::<T>::HotKeyNotRegisteredInNetwork);
		ensure!(Self::is_valid_ip_type(ip_type), Error::<T>::InvalidIpType);
		ensure!(Self::is_valid_ip_address(ip_type, ip), Error::<T>::InvalidIpAddress);
		ensure!(port != 0, Error::<T>::InvalidPort);
		let block = Self::current_block();
		let limit = ServingRateLimit::<T>::get(netuid);
		let passes = match last_block {
			None => true,
			Some(last) => limit == 0 || block.saturating_sub(last) >= limit,
		};
		ensure!(passes, Error::<T>::ServingRateLimitExceeded);
		Ok(block)
	}

	/// Every check of `serve_axon` (and `serve_axon_tls` with `certificate`), with no write:
	/// the block the axon will carry if the call would succeed.
	pub fn check_serve_axon(
		hotkey: &T::AccountId,
		netuid: NetUid,
		axon: &AxonInfo,
		certificate: Option<&[u8]>,
	) -> Result<u64, Error<T>> {
		let last = Axons::<T>::get(netuid, hotkey).map(|a| a.block);
		let block = Self::ensure_endpoint(hotkey, netuid, axon.ip_type, axon.ip, axon.port, last)?;
		ensure!(axon.protocol <= MAX_AXON_PROTOCOL, Error::<T>::InvalidProtocol);
		if let Some(certificate) = certificate {
			ensure!(
				NeuronCertificate::parse(certificate).is_some(),
				Error::<T>::InvalidCertificate
			);
		}
		Ok(block)
	}

	/// Store `axon` (and the parsed `certificate`, if any) for `hotkey` on `netuid` after
	/// [`Pallet::check_serve_axon`].
	pub(crate) fn do_serve_axon(
		hotkey: &T::AccountId,
		netuid: NetUid,
		mut axon: AxonInfo,
		certificate: Option<&[u8]>,
	) -> DispatchResult {
		axon.block = Self::check_serve_axon(hotkey, netuid, &axon, certificate)?;
		if let Some(certificate) = certificate.and_then(NeuronCertificate::parse) {
			NeuronCertificates::<T>::insert(netuid, hotkey, certificate);
		}
		Axons::<T>::insert(netuid, hotkey, axon);
		Self::deposit_event(Event::AxonServed(netuid, hotkey.clone()));
		Ok(())
	}

	/// Every check of `serve_prometheus`, with no write: the block the endpoint will carry.
	pub fn check_serve_prometheus(
		hotkey: &T::AccountId,
		netuid: NetUid,
		info: &PrometheusInfo,
	) -> Result<u64, Error<T>> {
		let last = Prometheus::<T>::get(netuid, hotkey).map(|p| p.block);
		Self::ensure_endpoint(hotkey, netuid, info.ip_type, info.ip, info.port, last)
	}

	/// Store `info` for `hotkey` on `netuid` after [`Pallet::check_serve_prometheus`].
	pub(crate) fn do_serve_prometheus(
		hotkey: &T::AccountId,
		netuid: NetUid,
		mut info: PrometheusInfo,
	) -> DispatchResult {
		info.block = Self::check_serve_prometheus(hotkey, netuid, &info)?;
		Prometheus::<T>::insert(netuid, hotkey, info);
		Self::deposit_event(Event::PrometheusServed(netuid, hotkey.clone()));
		Ok(())
	}
}
