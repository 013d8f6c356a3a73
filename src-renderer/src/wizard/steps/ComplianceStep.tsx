/**
 * Step 6: the legal frame — governing law and how disputes are resolved,
 * data protection, where the data lives, certifications, what is excluded
 * from the commitments, and which language prevails in a bilingual contract.
 */
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CERTIFICATIONS, DATA_PROTECTION_REGIMES, DISPUTE_METHODS, JURISDICTIONS, RESIDENCY_REGIONS, type Jurisdiction } from '../../../../src-shared/model';
import { useDraftEditor, useDraftValue } from '../../common/editor';
import { MultiSelectField, NumberField, SelectField, SwitchField, TextField } from '../fields/fields';
import { LocalizedTextList } from '../fields/LocalizedTextList';

const EXCLUSION_SWITCHES = ['forceMajeure', 'customerCaused', 'betaFeatures', 'thirdPartyServices'] as const;
/** The choice of a jurisdiction not in the list: the draft then has none, and the typed law and place apply. */
const OTHER = 'other';
/** The number of arbitrators as the select offers it; "rules" = not stated (the institution's rules decide). */
const ARBITRATORS = { rules: undefined, one: 1, three: 3 } as const;
type ArbitratorsChoice = keyof typeof ARBITRATORS;
/** Jurisdictions whose courts the contract names by the typed place (a German or Swiss court is chosen by its seat). */
const COURTS_BY_PLACE: readonly (Jurisdiction | undefined)[] = ['germany', 'switzerland', undefined];

export function ComplianceStep() {
  const { t } = useTranslation();
  const { update } = useDraftEditor();
  const base = ['compliance'];
  const dispute = [...base, 'disputeResolution'];
  const arbitration = useDraftValue<string>([...dispute, 'method']) !== 'courts';
  const jurisdiction = useDraftValue<Jurisdiction | undefined>([...base, 'jurisdiction']);
  const arbitrators = useDraftValue<number | undefined>([...dispute, 'arbitrators']);
  const showVenue = arbitration || COURTS_BY_PLACE.includes(jurisdiction);

  // Choosing a listed jurisdiction also writes its name as the governing law, so the draft's text never names another law.
  const chooseJurisdiction = (value: Jurisdiction | typeof OTHER) => {
    if (value === OTHER) {
      update([...base, 'jurisdiction'], undefined);
      return;
    }
    update([...base, 'jurisdiction'], value);
    update([...base, 'governingLaw'], t(`enums.jurisdiction.${value}`));
  };

  return (
    <>
      <section aria-labelledby="law-heading" className="wizard-section">
        <Typography.Title level={3} id="law-heading">
          {t('wizard.compliance.lawHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <SelectField<Jurisdiction | typeof OTHER>
              path={[...base, 'jurisdiction']}
              label={t('fields.compliance.jurisdiction')}
              extra={t('fields.compliance.jurisdictionHelp')}
              placeholder={t('fields.compliance.jurisdictionOther')}
              options={[
                ...JURISDICTIONS.map((code) => ({ value: code, label: t(`enums.jurisdiction.${code}`) })),
                { value: OTHER, label: t('fields.compliance.jurisdictionOther') },
              ]}
              onSelect={chooseJurisdiction}
            />
          </Col>
          {jurisdiction === undefined && (
            <Col xs={24} md={12}>
              <TextField
                path={[...base, 'governingLaw']}
                label={t('fields.compliance.governingLaw')}
                placeholder={t('fields.compliance.governingLawPlaceholder')}
                required
              />
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <SelectField
              path={[...dispute, 'method']}
              label={t('fields.compliance.disputeMethod')}
              options={DISPUTE_METHODS.map((method) => ({ value: method, label: t(`enums.disputeMethod.${method}`) }))}
            />
          </Col>
          {showVenue && (
            <Col xs={24} md={12}>
              <TextField
                path={[...dispute, 'venue']}
                label={t(arbitration ? 'fields.compliance.seat' : 'fields.compliance.venue')}
                placeholder={t('fields.compliance.venuePlaceholder')}
                required
              />
            </Col>
          )}
        </Row>
        {arbitration && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <TextField
                path={[...dispute, 'institution']}
                label={t('fields.compliance.institution')}
                placeholder={t('fields.compliance.institutionPlaceholder')}
                required
              />
            </Col>
            <Col xs={24} md={8}>
              <SelectField<ArbitratorsChoice>
                path={[...dispute, 'arbitrators']}
                label={t('fields.compliance.arbitrators')}
                placeholder={t(
                  arbitrators === 1
                    ? 'fields.compliance.arbitratorsOne'
                    : arbitrators === 3
                      ? 'fields.compliance.arbitratorsThree'
                      : 'fields.compliance.arbitratorsRules',
                )}
                options={[
                  { value: 'rules', label: t('fields.compliance.arbitratorsRules') },
                  { value: 'one', label: t('fields.compliance.arbitratorsOne') },
                  { value: 'three', label: t('fields.compliance.arbitratorsThree') },
                ]}
                onSelect={(choice) => update([...dispute, 'arbitrators'], ARBITRATORS[choice])}
              />
            </Col>
            <Col xs={24} md={8}>
              <SelectField
                path={[...dispute, 'language']}
                label={t('fields.compliance.proceedingsLanguage')}
                options={(['en', 'zh-CN', 'bilingual'] as const).map((language) => ({ value: language, label: t(`enums.contractLanguage.${language}`) }))}
              />
            </Col>
          </Row>
        )}
      </section>

      <section aria-labelledby="data-heading" className="wizard-section">
        <Typography.Title level={3} id="data-heading">
          {t('wizard.compliance.dataHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <MultiSelectField
              path={[...base, 'dataProtection']}
              label={t('fields.compliance.dataProtection')}
              options={DATA_PROTECTION_REGIMES.map((regime) => ({ value: regime, label: t(`enums.regime.${regime}`) }))}
            />
          </Col>
          <Col xs={24} md={12}>
            <MultiSelectField
              path={[...base, 'certifications']}
              label={t('fields.compliance.certifications')}
              options={CERTIFICATIONS.map((certification) => ({ value: certification, label: t(`enums.certification.${certification}`) }))}
            />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <SelectField
              path={[...base, 'dataResidency', 'region']}
              label={t('fields.compliance.residencyRegion')}
              options={RESIDENCY_REGIONS.map((region) => ({ value: region, label: t(`enums.region.${region}`) }))}
            />
          </Col>
          <Col xs={24} md={16}>
            <TextField path={[...base, 'dataResidency', 'restrictions']} label={t('fields.compliance.residencyRestrictions')} multiline rows={2} />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <NumberField
              path={[...base, 'breachNotificationHours']}
              label={t('fields.compliance.breachNotificationHours')}
              extra={t('fields.compliance.breachNotificationHoursHelp')}
              placeholder="48"
              suffix={t('units.hours')}
              optional
            />
          </Col>
        </Row>
      </section>

      <section aria-labelledby="exclusions-heading" className="wizard-section">
        <Typography.Title level={3} id="exclusions-heading">
          {t('wizard.compliance.exclusionsHeading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wizard.compliance.exclusionsIntro')}</Typography.Paragraph>
        <Row gutter={16}>
          {EXCLUSION_SWITCHES.map((exclusion) => (
            <Col xs={12} md={6} key={exclusion}>
              <SwitchField path={[...base, 'exclusions', exclusion]} label={t(`fields.compliance.exclusion.${exclusion}`)} />
            </Col>
          ))}
        </Row>
        <LocalizedTextList path={[...base, 'exclusions', 'other']} label={t('fields.compliance.otherExclusions')} />
      </section>

      <section aria-labelledby="bilingual-heading" className="wizard-section">
        <Typography.Title level={3} id="bilingual-heading">
          {t('wizard.compliance.bilingualHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <SelectField
              path={['contract', 'precedence']}
              label={t('fields.compliance.precedence')}
              options={(['en', 'zh-CN'] as const).map((language) => ({ value: language, label: t(`enums.precedence.${language}`) }))}
              extra={t('fields.compliance.precedenceHint')}
            />
          </Col>
        </Row>
      </section>
    </>
  );
}
