use crate::{mock::*, *};

#[test]
fn genesis_creates_root_subnet_zero_and_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(NetworksAdded::<Test>::get(ROOT_NETUID));
		assert!(!NetworksAdded::<Test>::get(1));
		assert_eq!(TotalNetworks::<Test>::get(), 1);
		assert_eq!(SubnetMechanism::<Test>::get(ROOT_NETUID), 0);
		assert_eq!(Tempo::<Test>::get(ROOT_NETUID), 100);
		assert_eq!(TokenSymbol::<Test>::get(ROOT_NETUID).into_inner(), "Τ".as_bytes().to_vec());
	});
}

#[test]
fn genesis_issuance_counter_equals_balances_issuance() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 1_000_000 * TAO), (BOB, 5 * TAO)])
		.build_and_execute(|| {
			assert_eq!(TotalIssuance::<Test>::get(), 1_000_005 * TAO);
		});
}
