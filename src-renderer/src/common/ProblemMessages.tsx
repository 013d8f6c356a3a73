import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../src-shared/model';

/** The problems of one field, in the current language (re-rendered when it switches). */
export function ProblemMessages({ id, problems }: { id?: string; problems: readonly Problem[] }) {
  const { t } = useTranslation();
  return (
    <span id={id} className="problem-messages">
      {problems.map((problem, index) => (
        <span key={`${problem.key}-${index}`} className="problem-message">
          {t(problem.key, problem.params)}
        </span>
      ))}
    </span>
  );
}
