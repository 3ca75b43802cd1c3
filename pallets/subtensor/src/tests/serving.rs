//! Axon and prometheus endpoints.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

const IP: u128 = 0x0a00_0001; // 10.0.0.1

fn axon(
	hotkey: u64,
	netuid: NetUid,
	ip: u128,
	port: u16,
	ip_type: u8,
	protocol: u8,
) -> frame_support::pallet_prelude::DispatchResult {
	SubtensorModule::serve_axon(
		RuntimeOrigin::signed(hotkey),
		netuid,
		7,
		ip,
		port,
		ip_type,
		protocol,
		0,
		0,
	)
}

fn with_neuron(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			test();
		});
}

#[test]
fn serve_axon_stores_the_endpoint_with_its_block() {
	with_neuron(|| {
		assert_ok!(axon(HOT_B, NET, IP, 8091, 4, 4));
		let stored = Axons::<Test>::get(NET, HOT_B).unwrap();
		assert_eq!(
			stored,
			AxonInfo {
				block: 1,
				version: 7,
				ip: IP,
				port: 8091,
				ip_type: 4,
				protocol: 4,
				placeholder1: 0,
				placeholder2: 0
			}
		);
		System::assert_last_event(Event::AxonServed(NET, HOT_B).into());
		// IPv6 is accepted too, after the rate limit.
		run_to_block(51);
		assert_ok!(axon(HOT_B, NET, 0x2001_0db8 << 96, 8091, 6, 0));
	});
}

#[test]
fn malformed_axons_fail_with_their_own_errors() {
	with_neuron(|| {
		assert_noop!(axon(HOT_B, 9, IP, 8091, 4, 4), Error::<Test>::SubnetNotExists);
		assert_noop!(axon(HOT_C, NET, IP, 8091, 4, 4), Error::<Test>::HotKeyNotRegisteredInNetwork);
		assert_noop!(axon(HOT_B, NET, IP, 8091, 5, 4), Error::<Test>::InvalidIpType);
		assert_noop!(axon(HOT_B, NET, 0, 8091, 4, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(axon(HOT_B, NET, 0x7f00_0001, 8091, 4, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(axon(HOT_B, NET, 1 << 40, 8091, 4, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(axon(HOT_B, NET, u128::MAX, 8091, 6, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(axon(HOT_B, NET, 1, 8091, 6, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(axon(HOT_B, NET, IP, 0, 4, 4), Error::<Test>::InvalidPort);
		assert_noop!(axon(HOT_B, NET, IP, 8091, 4, 5), Error::<Test>::InvalidProtocol);
	});
}

#[test]
fn serving_is_rate_limited() {
	with_neuron(|| {
		assert_ok!(axon(HOT_B, NET, IP, 8091, 4, 4));
		run_to_block(50);
		assert_noop!(axon(HOT_B, NET, IP, 8092, 4, 4), Error::<Test>::ServingRateLimitExceeded);
		run_to_block(51);
		assert_ok!(axon(HOT_B, NET, IP, 8092, 4, 4));
		SubtensorModule::set_serving_rate_limit(NET, 0);
		assert_ok!(axon(HOT_B, NET, IP, 8093, 4, 4));
	});
}

#[test]
fn serve_prometheus_validates_and_stores() {
	with_neuron(|| {
		let prom = |who: u64, ip: u128, port: u16, ip_type: u8| {
			SubtensorModule::serve_prometheus(RuntimeOrigin::signed(who), NET, 3, ip, port, ip_type)
		};
		assert_noop!(prom(HOT_C, IP, 9090, 4), Error::<Test>::HotKeyNotRegisteredInNetwork);
		assert_noop!(prom(HOT_B, IP, 9090, 0), Error::<Test>::InvalidIpType);
		assert_noop!(prom(HOT_B, 0, 9090, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(prom(HOT_B, IP, 0, 4), Error::<Test>::InvalidPort);
		assert_ok!(prom(HOT_B, IP, 9090, 4));
		assert_eq!(
			Prometheus::<Test>::get(NET, HOT_B),
			Some(PrometheusInfo { block: 1, version: 3, ip: IP, port: 9090, ip_type: 4 })
		);
		System::assert_last_event(Event::PrometheusServed(NET, HOT_B).into());
		assert_noop!(prom(HOT_B, IP, 9091, 4), Error::<Test>::ServingRateLimitExceeded);
	});
}
