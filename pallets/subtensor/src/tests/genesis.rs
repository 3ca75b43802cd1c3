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

#[test]
fn parameters_have_the_spec_defaults() {
	use substrate_fixed::types::{I96F32, U64F64};
	ExtBuilder::default().build_and_execute(|| {
		// economics.md §5.1
		assert_eq!(SubnetLimit::<Test>::get(), 128);
		assert_eq!(NetworkMinLockCost::<Test>::get(), 1_000 * TAO);
		assert_eq!(NetworkLastLockCost::<Test>::get(), 1_000 * TAO);
		assert_eq!(NetworkLockReductionInterval::<Test>::get(), 100_800);
		assert_eq!(NetworkRateLimit::<Test>::get(), 7_200);
		assert_eq!(NetworkImmunityPeriod::<Test>::get(), 1_296_000);
		assert_eq!(NetworkRegistrationStartBlock::<Test>::get(), 0);
		assert_eq!(StartCallDelay::<Test>::get(), 50_400);
		assert_eq!(SubnetOwnerCut::<Test>::get(), 11_796);
		assert_eq!(TaoWeight::<Test>::get(), 971_718_665_099_567_868);
		assert_eq!(
			SubnetMovingAlpha::<Test>::get(),
			I96F32::from_num(3) / I96F32::from_num(1_000_000)
		);
		assert_eq!(TxRateLimit::<Test>::get(), 1_000);
		assert_eq!((MaxDelegateTake::<Test>::get(), MinDelegateTake::<Test>::get()), (11_796, 0));
		assert_eq!(FlowNormExponent::<Test>::get(), U64F64::from_num(1));
		assert_eq!(FlowEmaSmoothingFactor::<Test>::get(), 29_597_889_189_277);
		assert!(NetTaoFlowEnabled::<Test>::get());
		// economics.md §5.2, runtime defaults (a netuid without explicit values)
		let n = 42;
		assert_eq!(MaxAllowedUids::<Test>::get(n), 256);
		assert_eq!(MinAllowedUids::<Test>::get(n), 64);
		assert_eq!(ImmunityPeriod::<Test>::get(n), 4_096);
		assert_eq!(ImmuneOwnerUidsLimit::<Test>::get(n), 1);
		assert!(NetworkRegistrationAllowed::<Test>::get(n));
		assert_eq!(MaxRegistrationsPerBlock::<Test>::get(n), 1);
		assert_eq!(TargetRegistrationsPerInterval::<Test>::get(n), 2);
		assert_eq!(AdjustmentInterval::<Test>::get(n), 100);
		assert_eq!(AdjustmentAlpha::<Test>::get(n), 0);
		assert_eq!((Burn::<Test>::get(n), MinBurn::<Test>::get(n)), (TAO / 10, 500_000));
		assert_eq!(MaxBurn::<Test>::get(n), 100 * TAO);
		assert_eq!(EMAPriceHalvingBlocks::<Test>::get(n), 201_600);
		assert!(!SubtokenEnabled::<Test>::get(n) && TransferToggle::<Test>::get(n));
		assert_eq!(MaxAllowedValidators::<Test>::get(n), 128);
		assert_eq!(MinAllowedWeights::<Test>::get(n), 1_024);
		assert_eq!((Kappa::<Test>::get(n), Rho::<Test>::get(n)), (32_767, 10));
		assert_eq!(AlphaSigmoidSteepness::<Test>::get(n), 1_000);
		assert_eq!(BondsMovingAverage::<Test>::get(n), 900_000);
		assert_eq!(BondsPenalty::<Test>::get(n), 65_535);
		assert!(!BondsResetOn::<Test>::get(n));
		assert_eq!(ActivityCutoff::<Test>::get(n), 5_000);
		assert_eq!(WeightsSetRateLimit::<Test>::get(n), 100);
		assert!(!LiquidAlphaOn::<Test>::get(n) && !Yuma3On::<Test>::get(n));
		assert_eq!(AlphaValues::<Test>::get(n), (45_875, 58_982));
		assert!(!CommitRevealWeightsEnabled::<Test>::get(n));
		assert_eq!(ServingRateLimit::<Test>::get(n), 50);
		assert_eq!(FeeRate::<Test>::get(n), 33);
		assert_eq!(Difficulty::<Test>::get(n), 10_000_000);
		assert_eq!(MaxDifficulty::<Test>::get(n), u64::MAX / 4);
		assert_eq!(RecycleOrBurn::<Test>::get(n), RecycleOrBurnEnum::Burn);
		// root (economics.md §3.7)
		assert_eq!(MaxAllowedUids::<Test>::get(ROOT_NETUID), 64);
		assert_eq!(MaxAllowedValidators::<Test>::get(ROOT_NETUID), 64);
		assert_eq!(MinAllowedWeights::<Test>::get(ROOT_NETUID), 0);
		assert_eq!(TargetRegistrationsPerInterval::<Test>::get(ROOT_NETUID), 1);
	});
}
