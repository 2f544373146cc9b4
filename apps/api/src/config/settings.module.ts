import { Global, Module } from '@nestjs/common';
import { loadSettings } from './settings';

/** The Settings of the application (see settings.ts): `@Inject(SETTINGS) settings: Settings`. */
export const SETTINGS = Symbol('SETTINGS');

/** Reads the environment once per application, as it is created. */
@Global()
@Module({ providers: [{ provide: SETTINGS, useFactory: () => loadSettings() }], exports: [SETTINGS] })
export class SettingsModule {}
