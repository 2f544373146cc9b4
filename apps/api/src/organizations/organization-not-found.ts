import { clip } from '@profmonitor/domain';
import { AppError } from '../common/app-error';

/** One answer, wherever a code names no organization of the registry: the code quoted clipped. */
export const organizationNotFound = (code: string) =>
  new AppError('organization_not_found', `Организация с кодом «${clip(code, 40)}» не найдена в реестре.`);
