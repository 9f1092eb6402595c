// Step 1 of the import: the document text, pasted or read from a .txt file.
// Word files are refused with how to save them as text: the parser reads the
// markers (I., 1., a), -) line by line and a .docx is a zip, not lines.
import { App as AntApp, Button, Flex, Input, Typography, Upload } from 'antd';
import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/format';

interface Props {
  text: string;
  onText: (text: string) => void;
  onPreview: () => void;
  loading: boolean;
}

const WORD = /\.(docx?|rtf|odt)$/i;

export function ImportSource({ text, onText, onPreview, loading }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lines = text ? text.split(/\r?\n/).length : 0;

  async function read(file: File) {
    if (WORD.test(file.name)) {
      message.error(t('program.admin.import.wordFile', { name: file.name }));
      return;
    }
    const content = await file.text();
    // A NUL character never occurs in a text document: this is a binary file.
    if (content.includes('\u0000')) {
      message.error(t('program.admin.import.binaryFile', { name: file.name }));
      return;
    }
    onText(content.replace(/^\uFEFF/, ''));
    message.success(t('program.admin.import.fileLoaded', { name: file.name, lines: content.split(/\r?\n/).length }));
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('program.admin.import.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Upload
          accept=".txt,text/plain"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void read(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="import-upload">
            {t('program.admin.import.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('program.admin.import.uploadHint')}
        </Typography.Text>
      </Flex>
      <Input.TextArea
        value={text}
        onChange={(e) => onText(e.target.value)}
        rows={10}
        data-testid="import-text"
        placeholder={t('program.admin.import.textPlaceholder')}
        aria-label={t('program.admin.import.textLabel')}
        style={{ fontFamily: 'inherit' }}
      />
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {t('program.admin.import.size', { lines: formatNumber(lines), chars: formatNumber(text.length) })}
        </Typography.Text>
        <Button
          type="primary"
          icon={<EyeOutlined />}
          onClick={onPreview}
          loading={loading}
          disabled={!text.trim()}
          data-testid="import-preview"
        >
          {t('program.admin.import.preview')}
        </Button>
      </Flex>
    </>
  );
}
