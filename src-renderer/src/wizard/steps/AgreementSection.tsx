/** The agreement itself: title, dates, term, the two parties and the main agreement it belongs to — the first thing a contract states. */
import { Card, Col, Row, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_RELATIONS, CONTRACT_LANGUAGE_CHOICES, type SlaDraft } from '../../../../src-shared/model';
import { useDraftValue } from '../../common/editor';
import { DateField, NumberField, RadioField, SelectField, TextField } from '../fields/fields';

function PartyCard({ party }: { party: 'provider' | 'customer' }) {
  const { t } = useTranslation();
  const base = ['parties', party];
  const headingId = `party-${party}-heading`;
  // A group named after the party, so "Legal name" is announced as the provider's or the customer's.
  return (
    <div role="group" aria-labelledby={headingId}>
      <Card
        size="small"
        title={
          <Typography.Title level={4} className="card-title" id={headingId}>
            {t(`fields.party.${party}`)}
          </Typography.Title>
        }
      >
        <TextField path={[...base, 'legalName']} label={t('fields.party.legalName')} required />
        <TextField path={[...base, 'legalNameZh']} label={t('fields.party.legalNameZh')} extra={t('fields.party.legalNameZhHint')} />
        <TextField path={[...base, 'address']} label={t('fields.party.address')} multiline rows={2} />
        {/* Each on a line of its own: an 18-character credit code must be readable whole beside the preview. */}
        <TextField path={[...base, 'registrationNumber']} label={t('fields.party.registrationNumber')} extra={t('fields.party.registrationNumberHint')} />
        <TextField path={[...base, 'legalRepresentative']} label={t('fields.party.legalRepresentative')} extra={t('fields.party.legalRepresentativeHint')} />
        {/* Side by side only where a party card is wide enough for "Chief Information Officer". */}
        <Row gutter={16}>
          <Col xs={24} xxl={12}>
            <TextField path={[...base, 'signatoryName']} label={t('fields.party.signatoryName')} />
          </Col>
          <Col xs={24} xxl={12}>
            <TextField path={[...base, 'signatoryTitle']} label={t('fields.party.signatoryTitle')} />
          </Col>
        </Row>
      </Card>
    </div>
  );
}

/** The subscription (master) agreement this SLA is a schedule to, or the deliberate choice that it stands alone. */
function MainAgreement() {
  const { t } = useTranslation();
  const base = ['mainAgreement'];
  const relation = useDraftValue<SlaDraft['mainAgreement']['relation']>([...base, 'relation']);
  return (
    <div role="group" aria-labelledby="main-agreement-heading">
      <Typography.Title level={4} id="main-agreement-heading">
        {t('wizard.services.mainAgreementHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.services.mainAgreementIntro')}</Typography.Paragraph>
      <RadioField
        path={[...base, 'relation']}
        label={t('fields.mainAgreement.relation')}
        options={AGREEMENT_RELATIONS.map((value) => ({ value, label: t(`enums.agreementRelation.${value}`) }))}
      />
      {relation === 'schedule' && (
        <Row gutter={16}>
          <Col xs={24} lg={9}>
            <TextField path={[...base, 'title']} label={t('fields.mainAgreement.title')} placeholder={t('fields.mainAgreement.titlePlaceholder')} required />
          </Col>
          <Col xs={24} lg={9}>
            <TextField path={[...base, 'titleZh']} label={t('fields.mainAgreement.titleZh')} extra={t('fields.mainAgreement.titleZhHint')} />
          </Col>
          <Col xs={12} lg={6}>
            <DateField path={[...base, 'date']} label={t('fields.mainAgreement.date')} />
          </Col>
        </Row>
      )}
    </div>
  );
}

/** Its fields subscribe to their own values: nothing here re-renders when another part of the draft changes. */
export const AgreementSection = memo(function AgreementSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agreement-heading" className="wizard-section">
      <Typography.Title level={3} id="agreement-heading">
        {t('wizard.services.agreementHeading')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <TextField path={['title']} label={t('fields.agreement.title')} required />
        </Col>
        <Col xs={12} lg={6}>
          <DateField path={['effectiveDate']} label={t('fields.agreement.effectiveDate')} required />
        </Col>
        <Col xs={12} lg={6}>
          <NumberField path={['termMonths']} label={t('fields.agreement.termMonths')} suffix={t('units.months')} required />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <SelectField
            path={['contract', 'languages']}
            label={t('fields.agreement.languages')}
            options={CONTRACT_LANGUAGE_CHOICES.map((choice) => ({ value: choice, label: t(`enums.contractLanguage.${choice}`) }))}
            extra={t('fields.agreement.languagesHint')}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <PartyCard party="provider" />
        </Col>
        <Col xs={24} lg={12}>
          <PartyCard party="customer" />
        </Col>
      </Row>
      <MainAgreement />
    </section>
  );
});
