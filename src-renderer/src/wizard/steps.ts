import { memo, type ComponentType } from 'react';
import type { StepId } from '../../../src-shared/model';
import { CompensationStep } from './steps/CompensationStep';
import { ComplianceStep } from './steps/ComplianceStep';
import { ExpectationsStep } from './steps/ExpectationsStep';
import { MonitoringStep } from './steps/MonitoringStep';
import { ServicesStep } from './steps/ServicesStep';
import { TargetsStep } from './steps/TargetsStep';

/**
 * Memoised: a step renders from its own subscriptions to the working copy,
 * so the wizard re-rendering (a step's problem count changed) leaves it alone.
 */
export const STEP_COMPONENTS: Record<StepId, ComponentType> = {
  services: memo(ServicesStep),
  expectations: memo(ExpectationsStep),
  targets: memo(TargetsStep),
  monitoring: memo(MonitoringStep),
  compensation: memo(CompensationStep),
  compliance: memo(ComplianceStep),
};
