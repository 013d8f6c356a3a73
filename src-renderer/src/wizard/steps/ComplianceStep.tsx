/**
 * Step 6: the legal frame — governing law and how disputes are resolved,
 * data protection, where the data lives, certifications, what is excluded
 * from the commitments, and which language prevails in a bilingual contract.
 */
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CERTIFICATIONS, DATA_PROTECTION_REGIMES, DISPUTE_METHODS, RESIDENCY_REGIONS } from '../../../../src-shared/model';
import { useDraftValue } from '../../common/editor';
import { MultiSelectField, SelectField, SwitchField, TagsField, TextField } from '../fields/fields';

const EXCLUSION_SWITCHES = ['forceMajeure', 'customerCaused', 'betaFeatures', 'thirdPartyServices'] as const;

export function ComplianceStep() {
  const { t } = useTranslation();
  const base = ['compliance'];
  const dispute = [...base, 'disputeResolution'];
  const arbitration = useDraftValue<string>([...dispute, 'method']) !== 'courts';

  return (
    <>
      <section aria-labelledby="law-heading" className="wizard-section">
        <Typography.Title level={3} id="law-heading">
          {t('wizard.compliance.lawHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <TextField
              path={[...base, 'governingLaw']}
              label={t('fields.compliance.governingLaw')}
              placeholder={t('fields.compliance.governingLawPlaceholder')}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <SelectField
              path={[...dispute, 'method']}
              label={t('fields.compliance.disputeMethod')}
              options={DISPUTE_METHODS.map((method) => ({ value: method, label: t(`enums.disputeMethod.${method}`) }))}
            />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <TextField
              path={[...dispute, 'venue']}
              label={t(arbitration ? 'fields.compliance.seat' : 'fields.compliance.venue')}
              placeholder={t('fields.compliance.venuePlaceholder')}
              required
            />
          </Col>
          <Col xs={24} md={8}>
            <TextField
              path={[...dispute, 'institution']}
              label={t('fields.compliance.institution')}
              placeholder={t('fields.compliance.institutionPlaceholder')}
              required={arbitration}
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
        <TagsField path={[...base, 'exclusions', 'other']} label={t('fields.compliance.otherExclusions')} placeholder={t('fields.tagsPlaceholder')} />
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
