import type { ApplicationDetail } from '@hirfa/contracts';
import { Container } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ActivityFields } from '../../../components/application-form/activity-fields.tsx';
import { ContactFields } from '../../../components/application-form/contact-fields.tsx';
import { IdentityFields } from '../../../components/application-form/identity-fields.tsx';
import { OrganisationFields } from '../../../components/application-form/organisation-fields.tsx';
import { QualificationFields } from '../../../components/application-form/qualification-fields.tsx';
import type { SectionProps } from '../../../components/application-form/section-props.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { DocumentsPanel } from '../../../components/registry/documents-panel.tsx';
import { applicationKeys, useApplication } from '../../../components/registry/registry.api.ts';
import { isHolderKind } from '../../../components/registry/registry.constants.ts';
import { ReviewStep } from './review-step.tsx';
import { isStep, type StepId, stepPath, stepsFor } from './steps.ts';
import { useDraft } from '../../../components/application-form/use-draft.ts';
import { WizardFrame } from './wizard-frame.tsx';
import { WorkshopStep } from './workshop-step.tsx';

/** The application after it exists: one section per screen, each saved on the way. */
export function DraftWizardPage() {
  const { id = '', step } = useParams();
  const query = useApplication(id);
  return (
    <QueryState query={query}>
      {(detail) =>
        !detail.canEdit ? (
          <Navigate to={`/portal/files/${detail.id}`} replace />
        ) : !isStep(detail.kind, step) ? (
          <Navigate to={stepPath(detail.id, 'identity')} replace />
        ) : (
          <Wizard detail={detail} step={step} />
        )
      }
    </QueryState>
  );
}

function Wizard({ detail, step }: { detail: ApplicationDetail; step: StepId }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const draft = useDraft(detail);
  // Once the artisan has seen the review (or the chamber sent the file back), every field says what is wrong.
  const [showRules, setShowRules] = useState(detail.state === 'incomplete');
  const steps = stepsFor(detail.kind);
  const index = steps.indexOf(step);
  const errors = draft.errorsFor(showRules || step === 'review', detail);

  async function go(target: StepId | 'back' | 'next'): Promise<void> {
    const saved = await draft.save();
    if (!saved) return;
    if (step === 'review' || target === 'review') setShowRules(true);
    const next = target === 'next' ? steps[index + 1] : target === 'back' ? steps[index - 1] : target;
    if (!next || next === 'kind') void navigate('/portal');
    else void navigate(stepPath(detail.id, next));
  }

  const props: SectionProps = {
    payload: draft.payload,
    kind: detail.kind,
    errors,
    onChange: draft.change,
    size: 'lg',
  };
  const frame = {
    step: index + 1,
    total: steps.length,
    onBack: () => void go('back'),
    onNext: () => void go('next'),
    busy: draft.saving,
    error: draft.error,
    stale: draft.stale,
  };

  switch (step) {
    case 'workshop':
      return <WorkshopStep frame={frame} props={props} detail={detail} />;
    case 'identity':
      return (
        <WizardFrame
          {...frame}
          title={
            isHolderKind(detail.kind)
              ? t('portal.apply.identity.title')
              : t('portal.apply.identity.titleRepresentative')
          }
          intro={t('portal.apply.identity.intro')}
        >
          <IdentityFields {...props} />
        </WizardFrame>
      );
    case 'contact':
      return (
        <WizardFrame
          {...frame}
          title={t('portal.apply.contact.title')}
          intro={t('portal.apply.contact.intro')}
        >
          <ContactFields {...props} />
        </WizardFrame>
      );
    case 'activity':
      return (
        <WizardFrame
          {...frame}
          title={t('portal.apply.activity.title')}
          intro={t('portal.apply.activity.intro')}
        >
          <ActivityFields {...props} picker="list" />
        </WizardFrame>
      );
    case 'qualification':
      return (
        <WizardFrame
          {...frame}
          title={t('portal.apply.qualification.title')}
          intro={t(
            `portal.apply.qualification.intro.${detail.kind === 'master_artisan' ? 'master' : 'artisan'}`,
          )}
        >
          <QualificationFields {...props} />
        </WizardFrame>
      );
    case 'organisation':
      return (
        <WizardFrame
          {...frame}
          title={t(
            `portal.apply.organisation.title.${detail.kind === 'cooperative' ? 'cooperative' : 'enterprise'}`,
          )}
          intro={t('portal.apply.organisation.intro')}
        >
          <OrganisationFields {...props} />
        </WizardFrame>
      );
    case 'documents':
      return (
        <WizardFrame
          {...frame}
          title={t('portal.apply.documents.title')}
          intro={t('portal.apply.documents.intro')}
        >
          <DocumentsPanel
            detail={detail}
            editable
            errors={errors}
            preview="thumb"
            size="lg"
            onUploaded={() => void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) })}
          />
        </WizardFrame>
      );
    case 'review':
      return <ReviewStep frame={frame} detail={detail} draft={draft} onFix={(target) => void go(target)} />;
    default:
      return (
        <Container>
          <Navigate to={stepPath(detail.id, 'identity')} replace />
        </Container>
      );
  }
}
